/**
 * Shape of the procedure catalogue: per application type, its time limits, clock rule, stages, required
 * documents (with the circumstance that makes each one required, as data) and fees. Versioned like every
 * legal table, so a dossier can be judged by the version in force when it was received.
 */
import type { LegalProvenance } from '../calculators/legal-value';

export type ApplicationType = 'green_transformation' | 'epr' | 'renewable_energy' | 'emissions_reduction';

export type FactValue = string | number | boolean;
/** What the applicant declared (e.g. complianceMethod: 'recycle'); absent facts match no condition. */
export type ProcedureFacts = Readonly<Record<string, FactValue | undefined>>;

/** When a document is required, as serialisable data (no functions), so the database can store it. */
export type DocumentCondition =
  | { readonly kind: 'always' }
  | { readonly kind: 'equals'; readonly fact: string; readonly value: FactValue }
  | { readonly kind: 'one_of'; readonly fact: string; readonly values: readonly FactValue[] }
  | { readonly kind: 'at_least'; readonly fact: string; readonly value: number }
  | { readonly kind: 'all'; readonly conditions: readonly DocumentCondition[] }
  | { readonly kind: 'any'; readonly conditions: readonly DocumentCondition[] };

export interface RequiredDocumentRule {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly requiredWhen: DocumentCondition;
  readonly circumstance_vi: string;
  readonly circumstance_en: string;
}

/** A single legal number or setting with its own provenance (one procedure mixes verified and default values). */
export interface SourcedValue<T> {
  readonly value: T;
  readonly source: string;
  readonly verified: boolean;
  readonly note?: string;
}

export interface ProcedureStage {
  readonly code: string;
  readonly name_vi: string;
  readonly name_en: string;
  readonly limitWorkingDays: SourcedValue<number>;
}

export interface ProcedureFees {
  readonly known: boolean;
  readonly amountVnd: number | null;
  readonly note_vi: string;
  readonly note_en: string;
}

export type OnlineServiceLevel = 'full' | 'partial';

export interface ProcedureDefinition extends LegalProvenance {
  readonly applicationType: ApplicationType;
  readonly version: string;
  readonly name_vi: string;
  readonly name_en: string;
  /** Time limit for the whole DOIT procedure, counted from receipt of a complete dossier. */
  readonly timeLimitWorkingDays: SourcedValue<number>;
  /** Within this many working days an incomplete dossier must be returned with everything missing listed. */
  readonly completenessCheckWorkingDays: SourcedValue<number>;
  readonly clockModeOnSupplementation: SourcedValue<'restart' | 'pause'>;
  /**
   * Decree 42/2022/ND-CP Art 11: a fully online service ('full', toàn trình) takes the filing, documents, fee and
   * result online end to end; a partly online one ('partial', một phần) needs a paper step or a counter visit.
   */
  readonly onlineService: SourcedValue<OnlineServiceLevel>;
  /**
   * The procedure's codes in the National Database on Administrative Procedures, which the National Public Service
   * Portal files dossiers under: MaTTHC (the procedure) and MaLinhVuc (its field). Null until looked up: the
   * portal adapter does not send a dossier of a procedure without them.
   */
  readonly dvcqg: { readonly procedureCode: SourcedValue<string | null>; readonly fieldCode: SourcedValue<string | null> };
  /** Consecutive stages inside the time limit, when the law splits it (e.g. consultation then appraisal). */
  readonly stages: readonly ProcedureStage[];
  readonly documents: readonly RequiredDocumentRule[];
  readonly fees: ProcedureFees;
}
