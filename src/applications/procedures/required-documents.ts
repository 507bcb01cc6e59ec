/**
 * Which documents a dossier needs, given what the applicant declared, and which are still missing. Pure:
 * the catalogue is a parameter (the shipped default or the administrator's database version).
 */
import { LegalValueNotFoundError, isEffectiveOn } from '../calculators/legal-value';
import { DEFAULT_PROCEDURE_CATALOGUE } from './procedure-catalogue.data';
import type {
  ApplicationType,
  DocumentCondition,
  ProcedureDefinition,
  ProcedureFacts,
  RequiredDocumentRule,
} from './procedure-catalogue.types';

export interface ProcedureLookupOptions {
  readonly catalogue?: readonly ProcedureDefinition[];
  /** Local date 'YYYY-MM-DD' whose version applies (the dossier's receipt date); latest version when absent. */
  readonly onDate?: string;
}

export function findProcedure(type: ApplicationType, options: ProcedureLookupOptions = {}): ProcedureDefinition {
  const catalogue = options.catalogue ?? DEFAULT_PROCEDURE_CATALOGUE;
  const candidates = catalogue.filter(
    (p) => p.applicationType === type && (options.onDate === undefined || isEffectiveOn(p, options.onDate)),
  );
  const latest = candidates.reduce<ProcedureDefinition | undefined>(
    (best, p) => (best === undefined || p.effectiveFrom > best.effectiveFrom ? p : best),
    undefined,
  );
  if (!latest) throw new LegalValueNotFoundError('procedure catalogue', type, options.onDate ?? 'any date');
  return latest;
}

export function isConditionMet(condition: DocumentCondition, facts: ProcedureFacts): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'equals':
      return facts[condition.fact] === condition.value;
    case 'one_of': {
      const value = facts[condition.fact];
      return value !== undefined && condition.values.includes(value);
    }
    case 'at_least': {
      const value = facts[condition.fact];
      return typeof value === 'number' && value >= condition.value;
    }
    case 'all':
      return condition.conditions.every((c) => isConditionMet(c, facts));
    case 'any':
      return condition.conditions.some((c) => isConditionMet(c, facts));
  }
}

/** The document rules that apply in these circumstances, with names and the reason each applies. */
export function requiredDocumentRules(
  type: ApplicationType,
  facts: ProcedureFacts,
  options: ProcedureLookupOptions = {},
): readonly RequiredDocumentRule[] {
  return findProcedure(type, options).documents.filter((rule) => isConditionMet(rule.requiredWhen, facts));
}

/** Codes of the documents required in these circumstances, in catalogue order. */
export function requiredDocuments(
  type: ApplicationType,
  facts: ProcedureFacts,
  options: ProcedureLookupOptions = {},
): readonly string[] {
  return requiredDocumentRules(type, facts, options).map((rule) => rule.code);
}

/** Required codes not among those uploaded: everything a supplementation request must list at once. */
export function missingDocuments(
  type: ApplicationType,
  facts: ProcedureFacts,
  uploadedCodes: Iterable<string>,
  options: ProcedureLookupOptions = {},
): readonly string[] {
  const uploaded = new Set(uploadedCodes);
  return requiredDocuments(type, facts, options).filter((code) => !uploaded.has(code));
}
