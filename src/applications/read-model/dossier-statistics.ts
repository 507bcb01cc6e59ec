import { PROCESSING_STATES, WORKFLOW_TYPES, type WorkflowType } from '../../../workflows/workflow-types';
import { localDateOf, type WorkingCalendar } from '../../calendar';
import { decidedOnTime, decidedWithin, isOverdueNow, processingWorkingDays } from '../timeliness';
import { findDossierSummaries } from './dossier-reads';

interface StatRecord {
  type: WorkflowType;
  state: string;
  submittedAt?: Date;
  decidedAt?: Date;
  deadlines?: { receivedAt?: Date | string; currentDueAt?: Date | string | null; overdue?: boolean; supplementations?: readonly unknown[] };
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
  /** Share of the year's decisions made on time (timeliness.ts), 0–1; undefined when none was made. */
  onTimeRate?: number;
  averageWorkingDays?: number;
  inProcessing: number;
  overdueNow: number;
  byType: TypeFigures[];
  /** Dossiers submitted in each month (index 0 = January, local time). */
  byMonth: number[];
}

const yearStart = (year: number) => new Date(`${year}-01-01T00:00:00+07:00`);

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);

/**
 * Figures of a year, computed in memory from the summaries (FerretDB 1.24 has no $avg or $facet): what was
 * submitted in it (by month and type, and how much of that is still in processing or overdue), and what was
 * decided in it: on time or not and in how many working days, by the one rule (timeliness.ts), so these equal
 * the PGI's and the briefing's figures for the same decisions.
 */
export function computeStatistics(records: readonly StatRecord[], year: number, now: Date, calendar: WorkingCalendar): DossierStatistics {
  const [from, before] = [yearStart(year), yearStart(year + 1)];
  const byMonth = Array.from({ length: 12 }, () => 0);
  const perType = new Map<WorkflowType, { submitted: number; decided: number; onTime: number; days: number[] }>(
    WORKFLOW_TYPES.map((type) => [type, { submitted: 0, decided: 0, onTime: 0, days: [] }]),
  );
  const allDays: number[] = [];
  let decided = 0, approved = 0, rejected = 0, onTime = 0, inProcessing = 0, overdueNow = 0;
  for (const record of records) {
    const figures = perType.get(record.type);
    if (record.submittedAt && record.submittedAt >= from && record.submittedAt < before) {
      byMonth[Number(localDateOf(new Date(record.submittedAt)).slice(5, 7)) - 1]! += 1;
      if (figures) figures.submitted += 1;
      if ((PROCESSING_STATES as readonly string[]).includes(record.state)) inProcessing += 1;
      if (isOverdueNow(record, now)) overdueNow += 1;
    }
    if (!decidedWithin(record, from, before)) continue;
    decided += 1;
    if (record.state === 'rejected') rejected += 1;
    else approved += 1;
    const timely = decidedOnTime(record) === true;
    if (timely) onTime += 1;
    const days = processingWorkingDays(record, calendar);
    if (days !== undefined) allDays.push(days);
    if (figures) {
      figures.decided += 1;
      if (timely) figures.onTime += 1;
      if (days !== undefined) figures.days.push(days);
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
  const [from, before] = [yearStart(year), yearStart(year + 1)];
  const [submitted, decided] = await Promise.all([
    findDossierSummaries({ submittedFrom: from, submittedBefore: before }, now),
    findDossierSummaries({ decidedFrom: from, decidedBefore: before }, now),
  ]);
  const records = new Map([...submitted, ...decided].map((summary) => [summary._id, summary]));
  return computeStatistics([...records.values()], year, now, calendar);
}
