import type { ApplicationRecord } from '../applications/application.model';
import { loadReadableDossier } from '../applications/application.service';
import { findProcedure, type ApplicationType } from '../applications/procedures';
import type { Actor } from '../auth';
import { AppError, forbidden } from '../errors';
import { badUploadRequest } from './upload-errors';

const EDITABLE_STATES: readonly string[] = ['draft', 'supplementation_requested'];

/**
 * The dossier an actor may upload to: its own organization's (another's looks missing, 404), and only while
 * the applicant may still change it (draft or supplementation requested; otherwise 409).
 */
export async function loadUploadableDossier(actor: Actor, dossierId: string): Promise<{ dossier: ApplicationRecord; uploaderId: string }> {
  const dossier = await loadReadableDossier(actor, dossierId);
  const isOwner = actor.kind === 'user' && (actor.role === 'business' || actor.role === 'ic_operator') && actor.organizationId === String(dossier.organizationId);
  if (!isOwner || actor.kind !== 'user') throw forbidden('Only the applicant uploads documents to its dossier.');
  if (!EDITABLE_STATES.includes(dossier.state)) {
    throw new AppError('conflict', 'Dossier not editable', {
      detail: `Documents can be added only while the dossier is a draft or under supplementation; it is ${dossier.state}.`,
      extensions: { reason: 'dossier_not_editable', state: dossier.state },
    });
  }
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
