import { PROCESSING_STATES, WORKFLOW_TYPES, type WorkflowType } from '../../../workflows/workflow-types';
import { localDateOf, workingDaysBetween, type WorkingCalendar } from '../../calendar';
import { findDossierSummaries } from './dossier-reads';

interface StatRecord {
  type: WorkflowType;
  state: string;
  submittedAt?: Date;
  decidedAt?: Date;
  deadlines?: { receivedAt?: Date | string; currentDueAt?: Date | string | null; overdue?: boolean };
}

export interface TypeFigures {
  type: WorkflowType;
  submitted: number;
  decided: number;
  onTime: number;
  averageWorkingDays?: number;
}

export interface DossierStatistics {
  year: number;
  submitted: number;
  decided: number;
  approved: number;
  rejected: number;
  onTime: number;
  /** Share of decided dossiers decided by their current due date, 0–1; undefined when none was decided. */
  onTimeRate?: number;
  averageWorkingDays?: number;
  inProcessing: number;
  overdueNow: number;
  byType: TypeFigures[];
  /** Dossiers submitted in each month (index 0 = January, local time). */
  byMonth: number[];
}

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);
const asDate = (value: Date | string | null | undefined) => (value ? new Date(value) : undefined);

/** Late when the scheduler marked it overdue or the decision came after the (current) due date. */
export function decidedOnTime(record: StatRecord): boolean {
  const due = asDate(record.deadlines?.currentDueAt);
  if (record.deadlines?.overdue) return false;
  return !due || !record.decidedAt || new Date(record.decidedAt) <= due;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);

/**
 * Figures for dossiers submitted in a year, computed in memory from a narrow projection (FerretDB 1.24 has
 * no $avg or $facet, and one pass over a year's dossiers is cheap). Processing days are working days from
 * the receipt of the dossier to the decision, counted with the holiday calendar.
 */
export function computeStatistics(records: readonly StatRecord[], year: number, now: Date, calendar: WorkingCalendar): DossierStatistics {
  const byMonth = Array.from({ length: 12 }, () => 0);
  const perType = new Map<WorkflowType, { submitted: number; decided: number; onTime: number; days: number[] }>(
    WORKFLOW_TYPES.map((type) => [type, { submitted: 0, decided: 0, onTime: 0, days: [] }]),
  );
  const allDays: number[] = [];
  let decided = 0, approved = 0, rejected = 0, onTime = 0, inProcessing = 0, overdueNow = 0;
  for (const record of records) {
    if (!record.submittedAt) continue;
    const month = Number(localDateOf(new Date(record.submittedAt)).slice(5, 7)) - 1;
    byMonth[month]! += 1;
    const figures = perType.get(record.type);
    if (figures) figures.submitted += 1;
    if ((PROCESSING_STATES as readonly string[]).includes(record.state)) {
      inProcessing += 1;
      const due = asDate(record.deadlines?.currentDueAt);
      if (record.deadlines?.overdue || (due && due < now)) overdueNow += 1;
    }
    if (!record.decidedAt || (record.state !== 'approved' && record.state !== 'rejected' && record.state !== 'revoked' && record.state !== 'expired')) continue;
    decided += 1;
    if (record.state === 'rejected') rejected += 1;
    else approved += 1;
    const timely = decidedOnTime(record);
    if (timely) onTime += 1;
    const from = asDate(record.deadlines?.receivedAt) ?? new Date(record.submittedAt);
    const days = workingDaysBetween(from, new Date(record.decidedAt), calendar);
    allDays.push(days);
    if (figures) {
      figures.decided += 1;
      if (timely) figures.onTime += 1;
      figures.days.push(days);
    }
  }
  return {
    year,
    submitted: byMonth.reduce((a, b) => a + b, 0),
    decided,
    approved,
    rejected,
    onTime,
    onTimeRate: decided ? onTime / decided : undefined,
    averageWorkingDays: mean(allDays),
    inProcessing,
    overdueNow,
    byType: [...perType].map(([type, f]) => ({ type, submitted: f.submitted, decided: f.decided, onTime: f.onTime, averageWorkingDays: mean(f.days) })),
    byMonth,
  };
}

export async function dossierStatistics(year: number, now: Date, calendar: WorkingCalendar): Promise<DossierStatistics> {
  const records = await findDossierSummaries({ submittedFrom: yearStart(year), submittedBefore: yearStart(year + 1) }, now);
  return computeStatistics(records, year, now, calendar);
}
