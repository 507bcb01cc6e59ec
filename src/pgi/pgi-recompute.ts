import { trusted } from 'mongoose';
import type { WorkingCalendar } from '../calendar';
import { ApplicationModel } from '../applications/application.model';
import { DossierEventModel } from '../applications/dossier-event.model';
import { insertManyIfAbsent, scansWholeCollections } from '../db';
import { OrganizationModel } from '../organizations';
import { contributionsFor, type ContributionRecord } from './contributions-for';
import type { ProjectedDossier, ProjectedEntry, ProjectedOrganization } from './indicator.types';
import { indicatorSetForPeriod } from './indicators';
import { groupInMemory } from './period-groups';
import { assemblePeriodView, type PeriodView } from './period-view';
import { PgiContributionModel } from './pgi-contribution.model';
import { readPetitionEntries } from './petition-source';
import { periodField, type Period } from './pgi-period';
import { DOSSIER_FIELDS, ORGANIZATION_FIELDS } from './pgi-projector';

/** The entries the projector is sent (outbox `project_pgi`): submissions and every end of processing. */
const PROJECTED_STATES = ['approved', 'rejected', 'revoked', 'expired'];
const ENTRY_FIELDS = { 'event.type': 1, from: 1, to: 1, at: 1, 'after.state': 1, 'after.deadlines': 1, 'after.submittedAt': 1, 'after.decidedAt': 1, dossierId: 1 };

/**
 * Above this many ids a whole-collection read beats `$in`: FerretDB 1.24 checks `$in` against each document
 * in its own process, so a 100k-element `$in` costs far more than reading the documents once.
 */
const IN_LIMIT = 500;

async function byId<T extends { _id: unknown }>(ids: string[] | 'all', read: (filter: Record<string, unknown>) => Promise<T[]>): Promise<Map<string, T>> {
  const documents = await read(ids === 'all' || ids.length > IN_LIMIT ? {} : { _id: trusted({ $in: ids }) });
  return new Map(documents.map((doc) => [String(doc._id), doc]));
}

export interface Recomputed {
  view: PeriodView;
  entries: number;
  contributions: number;
  /** Contributions the projector had not written (entries logged before it ran, or a lost delivery). */
  inserted: number;
}

type Organization = ProjectedOrganization & { _id: unknown };

const readEntries = (period: Period) =>
  DossierEventModel.find(
    {
      at: trusted({ $gte: period.startsAt, $lt: period.endsAt }),
      $or: [{ 'event.type': 'SUBMIT' }, { to: trusted({ $in: PROJECTED_STATES }) }],
    },
    ENTRY_FIELDS,
  ).lean<ProjectedEntry[]>();
const readDossiers = (filter: Record<string, unknown>) => ApplicationModel.find(filter, DOSSIER_FIELDS).lean<ProjectedDossier[]>();
const readOrganizations = (filter: Record<string, unknown>) => OrganizationModel.find(filter, ORGANIZATION_FIELDS).lean<Organization[]>();

/**
 * The period's log entries and petition answers with the dossiers and organizations they name. On a server that
 * scans whole collections for any filter (FerretDB 1.24) the four reads cost the same filtered or not, so they
 * run side by side; elsewhere the entries come first and only the dossiers they name are read.
 */
async function readSources(period: Period) {
  if (await scansWholeCollections()) {
    const [entries, dossiers, organizations, petitions] = await Promise.all([
      readEntries(period),
      byId('all', readDossiers),
      byId('all', readOrganizations),
      readPetitionEntries(period.startsAt, period.endsAt),
    ]);
    return { entries, dossiers, organizations, petitions };
  }
  const [entries, petitions] = await Promise.all([readEntries(period), readPetitionEntries(period.startsAt, period.endsAt)]);
  const dossiers = await byId([...new Set(entries.map((e) => String(e.dossierId)))], readDossiers);
  const organizationIds = [...new Set([...dossiers.values(), ...petitions.map((p) => p.dossier)].map((d) => String(d.organizationId)))];
  const organizations = await byId(organizationIds, readOrganizations);
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
  return insertManyIfAbsent(PgiContributionModel.collection, records.filter((record) => !known.has(record._id)) as never[]);
}
