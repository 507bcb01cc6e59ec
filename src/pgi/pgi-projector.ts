import type { WorkingCalendar } from '../calendar';
import { pgiEntryWithDossier } from '../applications';
import type { OutboxMessage } from '../applications/outbox';
import { insertIfAbsent } from '../db';
import { organizationGenderFacts } from '../organizations';
import { noteContributionsWritten } from './contribution-directory';
import { contributionsFor, type ContributionRecord } from './contributions-for';
import type { ProjectedDossier, ProjectedEntry } from './indicator.types';
import { PgiContributionModel } from './pgi-contribution.model';
import { readPetitionEntries, readPetitionEntry } from './petition-source';

/**
 * Adds one log entry's contributions to the index. Idempotent: each contribution is an insert on
 * "<entry>|<indicator>", so a replay, a second worker or a crash halfway all end with the same documents.
 * Returns how many this call inserted.
 */
export async function projectEntry(entryId: string, deps: { calendar: WorkingCalendar }): Promise<number> {
  const read = await pgiEntryWithDossier(entryId);
  return read ? project(read.entry, read.dossier, deps) : 0;
}

/** The same for a petition change (petitions answered, working days to an answer). */
export async function projectPetitionChange(changeId: string, deps: { calendar: WorkingCalendar }): Promise<number> {
  const read = await readPetitionEntry(changeId);
  return read ? project(read.entry, read.dossier, deps) : 0;
}

async function project(entry: ProjectedEntry, dossier: ProjectedDossier, deps: { calendar: WorkingCalendar }): Promise<number> {
  const organization = await organizationGenderFacts(dossier.organizationId);
  const inserted: ContributionRecord[] = [];
  for (const record of contributionsFor(entry, dossier, organization, deps.calendar)) {
    if (await insertIfAbsent(PgiContributionModel, { ...record })) inserted.push(record);
  }
  await noteContributionsWritten(inserted);
  return inserted.length;
}

/**
 * Projects the petition changes of the last `days` days again: what a listener missed (a crash between the
 * change and its projection) is inserted, the rest are duplicate keys. Run by the maintenance sweep.
 */
export async function projectRecentPetitionChanges(now: Date, deps: { calendar: WorkingCalendar }, days = 3): Promise<number> {
  let inserted = 0;
  for (const { entry, dossier } of await readPetitionEntries(new Date(now.getTime() - days * 86_400_000), new Date(now.getTime() + 1))) {
    inserted += await project(entry, dossier, deps);
  }
  return inserted;
}

/** The petition-change listener (dialogue `onPetitionChange`); errors are logged, the sweep retries. */
export function pgiPetitionListener(deps: { calendar: WorkingCalendar; logger?: { warn: (obj: object, msg: string) => void } }) {
  return async (changeId: string): Promise<void> => {
    try {
      await projectPetitionChange(changeId, deps);
    } catch (error) {
      deps.logger?.warn({ err: error, changeId }, 'PGI projection of a petition change failed; the maintenance sweep retries it');
    }
  };
}

/** The outbox deliverer for `project_pgi`; register it from the composition root. */
export function pgiOutboxDeliverer(deps: { calendar: WorkingCalendar }): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    if (message.kind !== 'project_pgi') return;
    await projectEntry(message.payload.entryId, deps);
  };
}
