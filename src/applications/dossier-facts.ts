import type { DossierFacts } from '../../workflows/readiness/dossier-facts';
import type { WorkflowType } from '../../workflows/workflow-types';
import { localDateOf } from '../calendar';
// The leaf file, not the room's index: the documents room's services call this room's access checks.
import { uploadedDocumentCodes } from '../documents/uploaded-codes';
import { organizationProfile } from '../organizations';
import { DOSSIER_TYPES } from './dossier-types';
import { missingDocuments } from './procedures';
import type { ProcedureFacts } from './procedures';

interface DossierLike {
  _id: unknown;
  type: string;
  organizationId: unknown;
  data?: unknown;
}

export interface DossierAssessment {
  results: Record<string, unknown>;
  requiredDocumentsMissing: string[];
  facts: DossierFacts;
}

/**
 * Computes everything the pre-check page and the SUBMIT guard read: the calculations, the documents still
 * missing and the facts for the machine. One function, so the page and the guard can never disagree.
 */
export async function assessDossier(dossier: DossierLike, now: Date = new Date()): Promise<DossierAssessment> {
  const type = dossier.type as WorkflowType;
  const definition = DOSSIER_TYPES[type];
  const data = (dossier.data ?? {}) as Record<string, unknown>;
  const organization = await organizationProfile(dossier.organizationId);
  const onDate = localDateOf(now);
  const results = definition.computeResults(data, { applicantTaxCode: organization?.taxCode ?? '', onDate });
  const uploaded = await uploadedDocumentCodes(String(dossier._id));
  const requiredDocumentsMissing = [...missingDocuments(type, definition.documentCircumstances(data) as ProcedureFacts, uploaded)];
  return { results, requiredDocumentsMissing, facts: definition.facts(data, results, requiredDocumentsMissing) };
}

/** The facts SUBMIT / RESUBMIT carry, judged on the event's own date (the server stamps it). */
export async function dossierFactsFor(dossier: DossierLike, at: Date): Promise<DossierFacts> {
  return (await assessDossier(dossier, at)).facts;
}
