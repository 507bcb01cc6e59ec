import path from 'node:path';
import type { Config } from '../config';
import type { BlobStore } from './storage/blob-store';
import { createLocalDiskStore } from './storage/local-disk.store';

export type ScanVerdict = 'clean' | 'infected';

/**
 * The virus-scanner hook, off by default. A deployment plugs in clamd (INSTREAM on the staged path, or
 * `clamdscan --fdpass`); it runs after the type check and before anything is stored.
 */
export type VirusScanner = (file: { path: string; sizeBytes: number; sha256: string }) => Promise<ScanVerdict>;

export interface UploadSettings {
  store: BlobStore;
  /** Local folder where multer streams incoming files before they are checked. */
  stagingDir: string;
  /** Folders of work in progress (staging, partial writes) whose stale files the orphan sweep removes. */
  scratchDirs: readonly string[];
  maxFileBytes: number;
  maxFilesPerRequest: number;
  /** Sum of every version of every document of one dossier. */
  maxDossierBytes: number;
  scanner?: VirusScanner;
}

export const DEFAULT_MAX_FILES_PER_REQUEST = 10;
export const DEFAULT_DOSSIER_QUOTA_FILES = 25;

/**
 * Settings from the parsed config: local disk under UPLOAD_DIR, files up to MAX_UPLOAD_MB, and a dossier
 * quota of 25 such files. No I/O here: folders are created when the first file arrives.
 */
export function uploadSettingsFromConfig(config: Pick<Config, 'uploadDir' | 'maxUploadBytes'>, overrides: Partial<UploadSettings> = {}): UploadSettings {
  const root = path.resolve(config.uploadDir);
  const store = createLocalDiskStore(root);
  const stagingDir = path.join(root, '.staging');
  return {
    store,
    stagingDir,
    scratchDirs: [stagingDir, store.partialDir],
    maxFileBytes: config.maxUploadBytes,
    maxFilesPerRequest: DEFAULT_MAX_FILES_PER_REQUEST,
    maxDossierBytes: DEFAULT_DOSSIER_QUOTA_FILES * config.maxUploadBytes,
    ...overrides,
  };
}
