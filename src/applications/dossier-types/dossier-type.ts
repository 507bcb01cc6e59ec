import type { z } from 'zod';
import type { DossierFacts } from '../../../workflows/readiness/dossier-facts';

export interface ComputeContext {
  applicantTaxCode: string;
  /** Local date (YYYY-MM-DD) whose legal tables apply when the data itself names none. */
  onDate: string;
}

/**
 * What the service needs to know about one application type: the shape of its data (drafts may be
 * incomplete, so every field is optional), the calculations it runs, and the facts its SUBMIT guard reads.
 */
export interface DossierTypeDefinition<Data extends Record<string, unknown> = Record<string, unknown>> {
  /** Short code used in dossier codes: HP-<code>-<year>-<number>. */
  codePrefix: string;
  dataSchema: z.ZodType<Data>;
  /** Every calculation record keyed by name; a calculation that cannot run yet is simply absent. */
  computeResults(data: Data, context: ComputeContext): Record<string, unknown>;
  /** Circumstances that decide which documents are required (see the procedure catalogue). */
  documentCircumstances(data: Data): Record<string, unknown>;
  facts(data: Data, results: Record<string, unknown>, requiredDocumentsMissing: string[]): DossierFacts;
}
