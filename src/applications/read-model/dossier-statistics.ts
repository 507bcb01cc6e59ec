import { PROCESSING_STATES, WORKFLOW_TYPES, type WorkflowType } from '../../../workflows/workflow-types';
import { localDateOf, type WorkingCalendar } from '../../calendar';
import { decidedOnTime, decidedWithin, isOverdueNow, processingWorkingDays } from '../timeliness';
import { dossierDirectory } from './dossier-directory';

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

/** What a year's figures are before the clock is read: everything but what is in processing or overdue now. */
interface SettledFigures {
  figures: Omit<DossierStatistics, 'inProcessing' | 'overdueNow'>;
  /** The year's submissions still in processing: the only records whose figures move with the clock. */
  processing: StatRecord[];
}

/**
 * Figures of a year, computed in memory from the summaries (FerretDB 1.24 has no $avg or $facet): what was
 * submitted in it (by month and type, and how much of that is still in processing or overdue), and what was
 * decided in it: on time or not and in how many working days, by the one rule (timeliness.ts), so these equal
 * the PGI's and the briefing's figures for the same decisions.
 */
export function computeStatistics(records: readonly StatRecord[], year: number, now: Date, calendar: WorkingCalendar): DossierStatistics {
  return withClock(settledFigures(records, year, calendar), now);
}

function withClock(settled: SettledFigures, now: Date): DossierStatistics {
  return { ...settled.figures, inProcessing: settled.processing.length, overdueNow: settled.processing.filter((record) => isOverdueNow(record, now)).length };
}

function settledFigures(records: Iterable<StatRecord>, year: number, calendar: WorkingCalendar): SettledFigures {
  const [from, before] = [yearStart(year), yearStart(year + 1)];
  const byMonth = Array.from({ length: 12 }, () => 0);
  const perType = new Map<WorkflowType, { submitted: number; decided: number; onTime: number; days: number[] }>(
    WORKFLOW_TYPES.map((type) => [type, { submitted: 0, decided: 0, onTime: 0, days: [] }]),
  );
  const allDays: number[] = [];
  const processing: StatRecord[] = [];
  let decided = 0, approved = 0, rejected = 0, onTime = 0;
  for (const record of records) {
    const figures = perType.get(record.type);
    const submittedAt = record.submittedAt ? new Date(record.submittedAt) : undefined;
    if (submittedAt && submittedAt >= from && submittedAt < before) {
      byMonth[Number(localDateOf(submittedAt).slice(5, 7)) - 1]! += 1;
      if (figures) figures.submitted += 1;
      if ((PROCESSING_STATES as readonly string[]).includes(record.state)) processing.push(record);
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
    processing,
    figures: {
      year,
      submitted: byMonth.reduce((a, b) => a + b, 0),
      decided,
      approved,
      rejected,
      onTime,
      onTimeRate: decided ? onTime / decided : undefined,
      averageWorkingDays: mean(allDays),
      byType: [...perType].map(([type, f]) => ({ type, submitted: f.submitted, decided: f.decided, onTime: f.onTime, averageWorkingDays: mean(f.days) })),
      byMonth,
    },
  };
}

/**
 * A year's figures from the dossier directory. The part that depends on the dossiers only is kept by the
 * directory until a dossier changes (a year of a province is ~10,000 dossiers, each with a working-day count);
 * each read then judges only the year's dossiers in processing against the clock.
 */
export async function dossierStatistics(year: number, now: Date, calendar: WorkingCalendar): Promise<DossierStatistics> {
  const directory = await dossierDirectory();
  return withClock(directory.derived(`statistics ${year} ${calendarId(calendar)}`, (all) => settledFigures(all, year, calendar)), now);
}

/** Working days depend on the calendar: figures kept for one calendar are not another's (tests use several). */
const calendarIds = new WeakMap<WorkingCalendar, number>();
let calendarsSeen = 0;
function calendarId(calendar: WorkingCalendar): number {
  if (!calendarIds.has(calendar)) calendarIds.set(calendar, ++calendarsSeen);
  return calendarIds.get(calendar)!;
}
