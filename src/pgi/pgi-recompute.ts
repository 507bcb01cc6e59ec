import { pgiDossiersById, pgiEntriesBetween } from '../applications';
import type { WorkingCalendar } from '../calendar';
import { insertManyIfAbsent, scansWholeCollections } from '../db';
import { organizationsGenderFacts } from '../organizations';
import { noteContributionBulkWrite } from './contribution-directory';
import { contributionsFor, type ContributionRecord } from './contributions-for';
import { indicatorSetForPeriod } from './indicators';
import { groupInMemory } from './period-groups';
import { assemblePeriodView, type PeriodView } from './period-view';
import { PgiContributionModel } from './pgi-contribution.model';
import { readPetitionEntries } from './petition-source';
import { periodField, type Period } from './pgi-period';

export interface Recomputed {
  view: PeriodView;
  entries: number;
  contributions: number;
  /** Contributions the projector had not written (entries logged before it ran, or a lost delivery). */
  inserted: number;
}

/** The entries the projector is sent (outbox `project_pgi`), read by the one definition of both (applications/pgi-feed.ts). */
const readEntries = (period: Period) => pgiEntriesBetween(period.startsAt, period.endsAt);

/**
 * The period's log entries and petition answers with the dossiers and organizations they name. On a server that
 * scans whole collections for any filter (FerretDB 1.24) the four reads cost the same filtered or not, so they
 * run side by side; elsewhere the entries come first and only the dossiers they name are read.
 */
async function readSources(period: Period) {
  if (await scansWholeCollections()) {
    const [entries, dossiers, organizations, petitions] = await Promise.all([
      readEntries(period),
      pgiDossiersById('all'),
      organizationsGenderFacts('all'),
      readPetitionEntries(period.startsAt, period.endsAt),
    ]);
    return { entries, dossiers, organizations, petitions };
  }
  const [entries, petitions] = await Promise.all([readEntries(period), readPetitionEntries(period.startsAt, period.endsAt)]);
  const dossiers = await pgiDossiersById([...new Set(entries.map((e) => String(e.dossierId)))]);
  const organizationIds = [...new Set([...dossiers.values(), ...petitions.map((p) => p.dossier)].map((d) => String(d.organizationId)))];
  const organizations = await organizationsGenderFacts(organizationIds);
  return { entries, dossiers, organizations, petitions };
}

/**
 * The full recompute: reads the period's log entries, their dossiers and organizations, runs every formula in
 * memory and sums, without trusting any contribution document. It must give what the projector gives (a
 * property test checks it). With `repair`, contributions missing from the database are inserted by the same
 * keys, which also back-fills entries logged before the projector existed.
 */
export async function recomputePeriod(period: Period, deps: { calendar: WorkingCalendar }, options: { repair?: boolean } = {}): Promise<Recomputed> {
  const { entries, dossiers, organizations, petitions } = await readSources(period);
  const sources = [
    ...entries.flatMap((entry) => {
      const dossier = dossiers.get(String(entry.dossierId));
      return dossier ? [{ entry, dossier }] : [];
    }),
    ...petitions,
  ];
  const field = periodField(period);
  const records: ContributionRecord[] = [];
  for (const { entry, dossier } of sources) {
    for (const record of contributionsFor(entry, dossier, organizations.get(String(dossier.organizationId)) ?? null, deps.calendar)) {
      if (record[field] === period.id) records.push(record);
    }
  }
  const view = assemblePeriodView(period, indicatorSetForPeriod(period), groupInMemory(records));
  const inserted = options.repair ? await insertMissing(period, records) : 0;
  return { view, entries: entries.length + petitions.length, contributions: records.length, inserted };
}

async function insertMissing(period: Period, records: readonly ContributionRecord[]): Promise<number> {
  const present = await PgiContributionModel.find({ [periodField(period)]: period.id }, { _id: 1 }).lean();
  const known = new Set(present.map((doc) => String(doc._id)));
  // Records are already shaped as the schema stores them (contributions-for.ts), so they go in unvalidated.
  const inserted = await insertManyIfAbsent(PgiContributionModel.collection, records.filter((record) => !known.has(record._id)) as never[]);
  if (inserted > 0) await noteContributionBulkWrite();
  return inserted;
}
