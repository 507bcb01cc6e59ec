import { trusted, type Types } from 'mongoose';
import { ApplicationModel } from './application.model';
import { DossierEventModel } from './dossier-event.model';
import { feedsPgi, PGI_END_STATES, PGI_EVENT_TYPES } from './pgi-feed';

/** A log entry as the index reads it (the fields its formulas use). */
export interface PgiEntry {
  _id: string;
  dossierId: Types.ObjectId | string;
  event: { type: string; [field: string]: unknown };
  from: string;
  to: string;
  at: Date;
  after: {
    state: string;
    deadlines?: { receivedAt?: string; originalDueAt?: string; currentDueAt?: string | null; overdue?: boolean };
    submittedAt?: string;
    decidedAt?: string;
  };
}

/** A dossier as the index reads it: its figures (`data`, `results`) are what the summaries leave out. */
export interface PgiDossier {
  _id: Types.ObjectId | string;
  code: string;
  type: string;
  organizationId: Types.ObjectId | string;
  data: Record<string, unknown>;
  results: Record<string, unknown>;
}

const DOSSIER_FIELDS = { code: 1, type: 1, organizationId: 1, data: 1, results: 1 } as const;
const ENTRY_FIELDS = { 'event.type': 1, from: 1, to: 1, at: 1, 'after.state': 1, 'after.deadlines': 1, 'after.submittedAt': 1, 'after.decidedAt': 1, dossierId: 1 };

/**
 * Above this many ids a whole-collection read beats `$in`: FerretDB 1.24 checks `$in` against each document
 * in its own process, so a 100k-element `$in` costs far more than reading the documents once.
 */
const IN_LIMIT = 500;

/** One entry with its dossier, for the projector (both read by `_id`); null when either is gone. */
export async function pgiEntryWithDossier(entryId: string): Promise<{ entry: PgiEntry; dossier: PgiDossier } | null> {
  const entry = await DossierEventModel.findById(entryId, { event: 1, from: 1, to: 1, at: 1, after: 1, dossierId: 1 }).lean<PgiEntry>();
  if (!entry) return null;
  const dossier = await ApplicationModel.findById(entry.dossierId, DOSSIER_FIELDS).lean<PgiDossier>();
  return dossier ? { entry, dossier } : null;
}

/** Every entry that feeds the index (pgi-feed.ts) logged in [from, before), for the recompute. */
export async function pgiEntriesBetween(from: Date, before: Date): Promise<PgiEntry[]> {
  const entries = await DossierEventModel.find(
    {
      at: trusted({ $gte: from, $lt: before }),
      $or: [{ 'event.type': trusted({ $in: PGI_EVENT_TYPES }) }, { to: trusted({ $in: PGI_END_STATES }) }],
    },
    ENTRY_FIELDS,
  ).lean<PgiEntry[]>();
  return entries.filter((entry) => feedsPgi({ eventType: entry.event.type, from: entry.from, to: entry.to }));
}

/** The dossiers with these ids (or every dossier) with their figures, by id. */
export async function pgiDossiersById(ids: string[] | 'all'): Promise<Map<string, PgiDossier>> {
  const filter = ids === 'all' || ids.length > IN_LIMIT ? {} : { _id: trusted({ $in: ids }) };
  const dossiers = await ApplicationModel.find(filter, DOSSIER_FIELDS).lean<PgiDossier[]>();
  return new Map(dossiers.map((dossier) => [String(dossier._id), dossier]));
}
