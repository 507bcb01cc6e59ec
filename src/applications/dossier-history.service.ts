import type { Actor } from '../auth';
import { notFound } from '../errors';
import { ApplicationModel } from './application.model';
import { findBrokenLink, hashedContent, type StoredLogEntry as StoredEntry } from './audit-chain';
import { loadReadableDossier } from './application.service';
import { DossierEventModel, dossierEventId } from './dossier-event.model';
import { entryAsApplicantSees, seesInternalNotes } from './disclosure';
import { dossierIdOfCode, dossierSummary } from './read-model/dossier-reads';
import { isNationalCode } from './national-code';

const READ_BATCH = 32;

/**
 * The log of a dossier, read by its known keys `<dossier>:<seq>` (1 … the cached sequence, then onwards
 * while entries exist, for a cache a crash left behind): lookups by `_id` cost what the log holds, however
 * large the collection grows. MongoDB and FerretDB: the `_id` index.
 */
export async function readLog(dossierId: string, knownSequence?: number): Promise<StoredEntry[]> {
  const cached = knownSequence ?? (await ApplicationModel.findById(dossierId, { sequence: 1 }).lean<{ sequence: number }>())?.sequence ?? 0;
  const entries: StoredEntry[] = [];
  for (let first = 1; first <= cached; first += READ_BATCH) {
    const keys = Array.from({ length: Math.min(READ_BATCH, cached - first + 1) }, (_, i) => dossierEventId(dossierId, first + i));
    const batch = await Promise.all(keys.map((key) => DossierEventModel.findById(key).lean<StoredEntry>()));
    for (const entry of batch) if (entry) entries.push(entry);
  }
  for (let sequence = cached + 1; ; sequence++) {
    const entry = await DossierEventModel.findById(dossierEventId(dossierId, sequence)).lean<StoredEntry>();
    if (!entry) return entries;
    entries.push(entry);
  }
}

/**
 * The timeline of a dossier with the audit chain checked (`chain.intact` is false if any entry was altered);
 * an applicant reads each entry as disclosure.ts says they are told it.
 */
export async function dossierHistory(actor: Actor, id: string) {
  const dossier = await loadReadableDossier(actor, id);
  const entries = await readLog(String(dossier._id), dossier.sequence);
  const brokenAt = findBrokenLink(entries.map((e) => ({ sequence: e.sequence, prevHash: e.prevHash, hash: e.hash, content: hashedContent(e) })));
  const asLogged = entries.map((e) => ({
    sequence: e.sequence,
    at: e.at,
    event: e.event as { type: string; at?: string } & Record<string, unknown>,
    actor: e.actor as { kind?: string; userId?: string; name?: string; role?: string },
    from: e.from as string,
    to: e.to as string,
    comment: e.comment as string | undefined,
    hash: e.hash,
  }));
  return {
    code: dossier.code,
    ...(dossier.nationalCode ? { nationalCode: dossier.nationalCode } : {}),
    chain: { intact: brokenAt === undefined, brokenAt, length: entries.length },
    entries: seesInternalNotes(actor) ? asLogged : asLogged.map((entry) => entryAsApplicantSees(entry)),
  };
}

/** What anyone may see of a dossier by its code: state and dates, no personal or business data. */
export async function publicDossierStatus(code: string) {
  const normalized = code.trim().toUpperCase();
  if (!/^HP-[A-Z]{2,4}-\d{4}-\d{6}$/.test(normalized) && !isNationalCode(normalized)) throw notFound(`Dossier ${code}`);
  const id = await dossierIdOfCode(normalized);
  const dossier = id ? await dossierSummary(id) : undefined;
  if (!dossier || dossier.state === 'draft') throw notFound(`Dossier ${code}`);
  const deadlines = dossier.deadlines as { originalDueAt?: Date; currentDueAt?: Date | null };
  return {
    code: dossier.code,
    ...(dossier.nationalCode ? { nationalCode: dossier.nationalCode } : {}),
    type: dossier.type,
    state: dossier.state,
    submittedAt: dossier.submittedAt,
    originalDueAt: deadlines.originalDueAt,
    currentDueAt: deadlines.currentDueAt,
    decidedAt: dossier.decidedAt,
  };
}
