import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DatabaseConnection } from '../../../src/db';
import { uploadSettingsFromConfig, type UploadSettings } from '../../../src/documents';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { EPR_DATA } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';

export interface UploadFile {
  name: string;
  bytes: Buffer;
  contentType?: string;
}

/** Files anywhere under a folder (staging and partial folders included): "nothing stored" means none. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * One suite's world: an upload folder of its own (removed after the suite), an app with the documents
 * routes, an applicant with a second one from another organization, and staff.
 */
export function useDocumentWorld(database: () => DatabaseConnection, overrides: Partial<UploadSettings> = {}) {
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-uploads-'));
  const world = {
    uploadDir,
    uploads: undefined as unknown as UploadSettings,
    app: undefined as unknown as ReturnType<typeof buildTestApp>,
    business: undefined as unknown as TestUser,
    otherBusiness: undefined as unknown as TestUser,
    officer: undefined as unknown as TestUser,
    leader: undefined as unknown as TestUser,
    admin: undefined as unknown as TestUser,
  };
  beforeAll(async () => {
    world.uploads = uploadSettingsFromConfig({ uploadDir, maxUploadBytes: 256 * 1024 }, { maxFilesPerRequest: 3, maxDossierBytes: 600 * 1024, ...overrides });
    world.app = buildTestApp(database(), { uploads: world.uploads });
    world.business = await createUser(world.app, 'business', await createOrganization());
    world.otherBusiness = await createUser(world.app, 'business', await createOrganization('Công ty khác'));
    world.officer = await createUser(world.app, 'officer');
    world.leader = await createUser(world.app, 'leader');
    world.admin = await createUser(world.app, 'admin');
  });
  afterAll(() => rm(uploadDir, { recursive: true, force: true }));
  return world;
}

export type DocumentWorld = ReturnType<typeof useDocumentWorld>;

export async function createEprDraft(world: DocumentWorld, owner: TestUser = world.business, data: object = EPR_DATA): Promise<string> {
  const res = await request(world.app).post('/api/v1/applications').set('Authorization', `Bearer ${owner.token}`).send({ type: 'epr', title: 'EPR bao bì 2026', data });
  if (res.status !== 201) throw new Error(`draft not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export function upload(world: DocumentWorld, user: TestUser | undefined, dossierId: string, code: string | undefined, files: readonly UploadFile[]) {
  let req = request(world.app).post(`/api/v1/applications/${dossierId}/documents`);
  if (user) req = req.set('Authorization', `Bearer ${user.token}`);
  if (code !== undefined) req = req.field('code', code);
  for (const file of files) req = req.attach('files', file.bytes, { filename: file.name, contentType: file.contentType ?? 'application/pdf' });
  return req;
}

export const get = (world: DocumentWorld, user: TestUser, url: string) => request(world.app).get(url).set('Authorization', `Bearer ${user.token}`);

/**
 * A multipart body written by hand, so a file name reaches the server exactly as given (form-data, used by
 * supertest's attach, strips path parts and escapes some characters itself).
 */
export function rawUpload(world: DocumentWorld, user: TestUser, dossierId: string, code: string, file: { rawName: string; bytes: Buffer }) {
  const boundary = 'hp-green-boundary-7c1f';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\n${code}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.rawName}"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return request(world.app)
    .post(`/api/v1/applications/${dossierId}/documents`)
    .set('Authorization', `Bearer ${user.token}`)
    .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
    .send(body);
}
