import type { Actor } from '../auth';
import { notFound } from '../errors';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { findBrokenLink } from './audit-chain';
import { loadReadableDossier } from './application.service';
import { DossierEventModel } from './dossier-event.model';

type StoredEntry = Record<string, unknown> & { _id: string; sequence: number; prevHash: string; hash: string; at: Date; dossierId: unknown };

/** Rebuilds exactly the content that was hashed when the entry was inserted. */
function hashedContent(entry: StoredEntry): Record<string, unknown> {
  const { prevHash: _prevHash, hash: _hash, ...content } = entry;
  return { ...content, dossierId: String(entry.dossierId), at: entry.at.toISOString() };
}

export async function readLog(dossierId: string): Promise<StoredEntry[]> {
  return DossierEventModel.find({ dossierId }).sort({ sequence: 1 }).lean<StoredEntry[]>();
}

/** The timeline of a dossier with the audit chain checked: `chain.intact` is false if any entry was altered. */
export async function dossierHistory(actor: Actor, id: string) {
  const dossier = await loadReadableDossier(actor, id);
  const entries = await readLog(String(dossier._id));
  const brokenAt = findBrokenLink(entries.map((e) => ({ sequence: e.sequence, prevHash: e.prevHash, hash: e.hash, content: hashedContent(e) })));
  return {
    code: dossier.code,
    chain: { intact: brokenAt === undefined, brokenAt, length: entries.length },
    entries: entries.map((e) => ({
      sequence: e.sequence,
      at: e.at,
      event: e.event,
      actor: e.actor,
      from: e.from,
      to: e.to,
      comment: e.comment,
      hash: e.hash,
    })),
  };
}

/** What anyone may see of a dossier by its code: state and dates, no personal or business data. */
export async function publicDossierStatus(code: string) {
  const normalized = code.trim().toUpperCase();
  if (!/^HP-[A-Z]{2,4}-\d{4}-\d{6}$/.test(normalized)) throw notFound(`Dossier ${code}`);
  const dossier = await ApplicationModel.findOne({ code: normalized }).lean<ApplicationRecord>();
  if (!dossier || dossier.state === 'draft') throw notFound(`Dossier ${code}`);
  const deadlines = dossier.deadlines as { originalDueAt?: Date; currentDueAt?: Date | null };
  return {
    code: dossier.code,
    type: dossier.type,
    state: dossier.state,
    submittedAt: dossier.submittedAt,
    originalDueAt: deadlines.originalDueAt,
    currentDueAt: deadlines.currentDueAt,
    decidedAt: dossier.decidedAt,
  };
}
