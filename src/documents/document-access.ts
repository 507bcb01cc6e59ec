import type { ApplicationRecord } from '../applications';
import { loadEditableDossier } from '../applications/dossier-changes';
import { findProcedure, type ApplicationType } from '../applications/procedures';
import type { Actor } from '../auth';
import { forbidden } from '../errors';
import { badUploadRequest } from './upload-errors';

/**
 * The dossier an actor may upload to: its own organization's (another's looks missing, 404), and only while
 * the log head says the applicant may still change it (a draft or under supplementation; otherwise 409).
 */
export async function loadUploadableDossier(actor: Actor, dossierId: string): Promise<{ dossier: ApplicationRecord; uploaderId: string }> {
  const dossier = await loadEditableDossier(actor, dossierId, 'Documents can be added only while the dossier is a draft or under supplementation.');
  if (actor.kind !== 'user') throw forbidden('Only the applicant uploads documents to its dossier.');
  return { dossier, uploaderId: actor.userId };
}

/** Every document code the procedure of this dossier knows (required now or in some circumstance). */
export function catalogueDocumentCodes(dossier: Pick<ApplicationRecord, 'type'>): string[] {
  return findProcedure(dossier.type as ApplicationType).documents.map((rule) => rule.code);
}

export function assertCatalogueCode(dossier: Pick<ApplicationRecord, 'type'>, code: string): void {
  const known = catalogueDocumentCodes(dossier);
  if (!known.includes(code)) {
    throw badUploadRequest('unknown_code', 'code', `"${code.slice(0, 60)}" is not a document of this procedure. Expected one of: ${known.join(', ')}.`);
  }
}
