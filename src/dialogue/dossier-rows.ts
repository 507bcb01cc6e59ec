import { decidedOnTime, isOverdueNow, processingWorkingDays as workingDays, reportedDossiers, type ReportedDossier } from '../applications';
import type { WorkingCalendar } from '../calendar';
import { PROCESSING_STATES, type WorkflowType } from '../../workflows/workflow-types';
import { inScope, type ReportScope } from './report-scope';

/** One dossier as the briefing counts it: every dossier figure is a sum over these rows, and the XLSX lists them. */
export interface DossierRow {
  code: string;
  type: WorkflowType;
  title: string;
  state: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  currentDueAt: Date | null;
  receivedInScope: boolean;
  decidedInScope: boolean;
  approvedInScope: boolean;
  /** For decisions in scope: on time by the one rule (src/applications/timeliness.ts). */
  onTime: boolean | null;
  processingWorkingDays: number | null;
  /** Received in scope, still in processing and past its due date at the time of the report. */
  overdueNow: boolean;
  eprRecyclingObligationKg: number | null;
  eprContributionVnd: number | null;
  ghgEmissionsTco2e: number | null;
  ghgReductionTargetTco2e: number | null;
  renewableCapacityKwp: number | null;
}



/** Pure: the row of one dossier for a scope, at `asOf`. Highlights count approvals decided in the scope only. */
export function dossierRow(dossier: ReportedDossier, scope: ReportScope, asOf: Date, calendar: WorkingCalendar): DossierRow {
  const deadlines = (dossier.deadlines ?? {}) as { currentDueAt?: Date | null };
  const decidedAt = dossier.decidedAt ?? null;
  const receivedInScope = inScope(scope, dossier.submittedAt);
  const decidedInScope = inScope(scope, decidedAt);
  const approvedInScope = decidedInScope && dossier.state !== 'rejected';
  const due = deadlines.currentDueAt ? new Date(deadlines.currentDueAt) : null;
  // The one rule (src/applications/timeliness.ts), as the statistics page and the PGI count it.
  const onTime = decidedInScope ? (decidedOnTime(dossier) ?? null) : null;
  const processingWorkingDays = decidedInScope ? (workingDays(dossier, calendar) ?? null) : null;
  const overdueNow = receivedInScope && isOverdueNow(dossier, asOf);
  const figures = dossier.report;
  const pick = (value: number | undefined) => (approvedInScope && value !== undefined ? value : null);
  return {
    code: dossier.code,
    type: dossier.type,
    title: dossier.title,
    state: dossier.state,
    submittedAt: dossier.submittedAt ?? null,
    decidedAt,
    currentDueAt: due,
    receivedInScope,
    decidedInScope,
    approvedInScope,
    onTime,
    processingWorkingDays,
    overdueNow,
    eprRecyclingObligationKg: pick(figures.eprRecyclingObligationKg),
    eprContributionVnd: pick(figures.eprContributionVnd),
    ghgEmissionsTco2e: pick(figures.ghgEmissionsTco2e),
    ghgReductionTargetTco2e: pick(figures.ghgReductionTargetTco2e),
    renewableCapacityKwp: pick(figures.renewableCapacityKwp),
  };
}

/** The rows of every dossier received or decided in the scope, by code (from the dossier summaries in memory). */
export async function* scopeDossierRows(scope: ReportScope, asOf: Date, calendar: WorkingCalendar): AsyncGenerator<DossierRow> {
  yield* await rowsOf(scope, asOf, calendar);
}

/** The same rows as one shared, read-only list (the same list while nothing in it moves). */
export const scopeDossierRowList = (scope: ReportScope, asOf: Date, calendar: WorkingCalendar): Promise<readonly DossierRow[]> => rowsOf(scope, asOf, calendar);

/**
 * Rows kept per scope. A row moves with the clock only when a dossier in processing passes its due date, so
 * the rows computed at one instant hold until the dossiers change (`reportedDossiers` then answers a new list)
 * or the next due date among those in processing comes. A year of a province is ~10,000 rows.
 */
const rowsKept = new Map<string, { source: readonly ReportedDossier[]; calendar: WorkingCalendar; computedAt: number; validUntil: number; rows: readonly DossierRow[] }>();
const ROW_SCOPES_KEPT = 8;

async function rowsOf(scope: ReportScope, asOf: Date, calendar: WorkingCalendar): Promise<readonly DossierRow[]> {
  const source = await reportedDossiers(scope.startsAt, scope.endsAt);
  const key = `${scope.startsAt.toISOString()} ${scope.endsAt.toISOString()}`;
  const at = asOf.getTime();
  const kept = rowsKept.get(key);
  if (kept && kept.source === source && kept.calendar === calendar && at >= kept.computedAt && at <= kept.validUntil) return kept.rows;
  const rows = source.map((dossier) => dossierRow(dossier, scope, asOf, calendar));
  const validUntil = rows.reduce((soonest, row) => (isProcessing(row.state) && row.currentDueAt && row.currentDueAt.getTime() >= at ? Math.min(soonest, row.currentDueAt.getTime()) : soonest), Infinity);
  rowsKept.delete(key);
  rowsKept.set(key, { source, calendar, computedAt: at, validUntil, rows });
  if (rowsKept.size > ROW_SCOPES_KEPT) rowsKept.delete(rowsKept.keys().next().value!);
  return rows;
}

const isProcessing = (state: string) => (PROCESSING_STATES as readonly string[]).includes(state);
