import type { TFunction } from 'i18next';
import type { UploadSettings } from '../../documents';

const DOCUMENT_CODE = /^[a-z0-9_]{1,60}$/;

/** The address of the page after a refused upload: the refusal's stable reason and the document it concerns. */
export function uploadRefusalQuery(extensions: Record<string, unknown>): string {
  const query = new URLSearchParams({ upload: typeof extensions.reason === 'string' ? extensions.reason : 'refused' });
  if (typeof extensions.document === 'string' && DOCUMENT_CODE.test(extensions.document)) query.set('for', extensions.document);
  return query.toString();
}

/**
 * The refusal the page shows, in its own words: beside the file of the document it concerns or
 * above the upload button. An unknown reason reads as the general refusal, never as a code.
 */
export function uploadRefusalOf(query: Record<string, unknown>, t: TFunction, uploads: UploadSettings): { message: string; code?: string } | undefined {
  if (typeof query.upload !== 'string') return undefined;
  const reason = query.upload;
  const maxMb = Math.floor((reason === 'dossier_quota' ? uploads.maxDossierBytes : uploads.maxFileBytes) / 1_048_576);
  const message = /^[a-z_]{1,40}$/.test(reason) ? t(`business.uploadErrors.${reason}`, { max: uploads.maxFilesPerRequest, maxMb, defaultValue: '' }) : '';
  const code = typeof query.for === 'string' && DOCUMENT_CODE.test(query.for) ? query.for : undefined;
  return { message: message || t('business.uploadErrors.refused'), code };
}
