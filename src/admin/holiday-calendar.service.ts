import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { createWorkingCalendar, DEFAULT_HOLIDAY_CALENDAR, type CalendarEntry, type WorkingCalendar } from '../calendar';
import { validationFailed } from '../errors';
import { HolidayEntryModel, type HolidayEntryRecord } from './holiday-entry.model';

export type CalendarRowOrigin = 'shipped' | 'edited' | 'added' | 'removed';

/** One row of the administrator's table: the entry in force, where it came from, and the shipped one it replaces. */
export interface CalendarRow {
  entry: CalendarEntry;
  origin: CalendarRowOrigin;
  shipped?: CalendarEntry;
  updatedAt?: Date;
}

export interface CalendarEntryInput {
  date: string;
  kind: CalendarEntry['kind'];
  name_vi: string;
  name_en: string;
  legalBasis: string;
  source: string;
  verified: boolean;
  note?: string;
}

const toEntry = (stored: HolidayEntryRecord): CalendarEntry => ({
  date: stored._id,
  kind: stored.kind,
  name_vi: stored.name_vi,
  name_en: stored.name_en,
  legalBasis: stored.legalBasis,
  source: stored.source,
  verified: stored.verified,
  ...(stored.note ? { note: stored.note } : {}),
});

/** Stored entries replace shipped ones of the same date; a removal hides the shipped one. Pure. */
export function mergeCalendarEntries(shipped: readonly CalendarEntry[], stored: readonly HolidayEntryRecord[]): CalendarRow[] {
  const byDate = new Map<string, CalendarRow>(shipped.map((entry) => [entry.date, { entry, origin: 'shipped', shipped: entry }]));
  for (const record of stored) {
    const original = byDate.get(record._id)?.shipped;
    if (record.removed) {
      if (original) byDate.set(record._id, { entry: original, origin: 'removed', shipped: original, updatedAt: record.updatedAt });
      continue;
    }
    byDate.set(record._id, { entry: toEntry(record), origin: original ? 'edited' : 'added', shipped: original, updatedAt: record.updatedAt });
  }
  return [...byDate.values()].sort((a, b) => a.entry.date.localeCompare(b.entry.date));
}

const inForce = (rows: readonly CalendarRow[]) => rows.filter((row) => row.origin !== 'removed').map((row) => row.entry);

async function storedEntries(): Promise<HolidayEntryRecord[]> {
  return HolidayEntryModel.find().lean<HolidayEntryRecord[]>();
}

export async function listCalendarRows(shipped: readonly CalendarEntry[] = DEFAULT_HOLIDAY_CALENDAR): Promise<CalendarRow[]> {
  return mergeCalendarEntries(shipped, await storedEntries());
}

/**
 * The working calendar the event path should use: the administrator's entries over the shipped table.
 * Years covered are those of the shipped table plus any year an administrator added entries for.
 */
export async function loadWorkingCalendar(shipped: readonly CalendarEntry[] = DEFAULT_HOLIDAY_CALENDAR): Promise<WorkingCalendar> {
  return createWorkingCalendar(inForce(await listCalendarRows(shipped)));
}

/** A calendar whose table can be reloaded in place, so pages and jobs holding it see an administrator's edit at once. */
export interface LiveWorkingCalendar extends WorkingCalendar {
  refresh(): Promise<void>;
}

export async function createLiveWorkingCalendar(shipped: readonly CalendarEntry[] = DEFAULT_HOLIDAY_CALENDAR): Promise<LiveWorkingCalendar> {
  let current = await loadWorkingCalendar(shipped);
  return {
    get entries() {
      return current.entries;
    },
    get nonWorkingWeekdays() {
      return current.nonWorkingWeekdays;
    },
    get makeupWorkdays() {
      return current.makeupWorkdays;
    },
    get coveredYears() {
      return current.coveredYears;
    },
    async refresh() {
      current = await loadWorkingCalendar(shipped);
    },
  };
}

export async function refreshIfLive(calendar: WorkingCalendar): Promise<void> {
  if ('refresh' in calendar && typeof calendar.refresh === 'function') await (calendar as LiveWorkingCalendar).refresh();
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Adds or replaces the entry of a date, refusing one that would make the calendar contradict itself. */
export async function saveCalendarEntry(actor: Actor, input: CalendarEntryInput, now: Date): Promise<void> {
  if (!isRealDate(input.date)) throw validationFailed([{ field: 'date', message: 'admin.calendar.errors.date' }]);
  const rows = (await listCalendarRows()).filter((row) => row.entry.date !== input.date);
  const entry: CalendarEntry = { ...input, ...(input.note ? { note: input.note } : {}) };
  try {
    createWorkingCalendar([...inForce(rows), entry]);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw validationFailed([{ field: 'kind', message: 'admin.calendar.errors.makeupOnWeekday' }]);
  }
  const existed = await HolidayEntryModel.exists({ _id: input.date });
  // Last writer wins on purpose: an entry is a setting, not a lock, and every write is audited.
  await HolidayEntryModel.updateOne(
    { _id: input.date },
    { $set: { ...input, note: input.note ?? '', removed: false, updatedBy: actor.kind === 'user' ? actor.userId : actor.name } },
    { upsert: true },
  );
  await recordAudit({
    at: now,
    actor,
    action: existed ? 'calendar.entry_updated' : 'calendar.entry_saved',
    target: { kind: 'calendar_entry', id: input.date, label: input.name_vi },
    changedFields: Object.keys(input),
  });
}

/** Removes a date: an added entry is deleted; a shipped one is hidden (and can be restored). */
export async function removeCalendarEntry(actor: Actor, date: string, now: Date): Promise<void> {
  const row = (await listCalendarRows()).find((r) => r.entry.date === date);
  if (!row || row.origin === 'removed') return;
  if (row.shipped) {
    await HolidayEntryModel.updateOne({ _id: date }, { $set: { kind: row.shipped.kind, removed: true, updatedBy: actor.kind === 'user' ? actor.userId : actor.name } }, { upsert: true });
  } else {
    await HolidayEntryModel.deleteOne({ _id: date });
  }
  await recordAudit({ at: now, actor, action: 'calendar.entry_removed', target: { kind: 'calendar_entry', id: date, label: row.entry.name_vi } });
}

/** Drops the administrator's version of a shipped date, so the shipped entry applies again. */
export async function restoreShippedEntry(actor: Actor, date: string, now: Date): Promise<void> {
  const result = await HolidayEntryModel.deleteOne({ _id: date });
  if (result.deletedCount) await recordAudit({ at: now, actor, action: 'calendar.entry_restored', target: { kind: 'calendar_entry', id: date } });
}
