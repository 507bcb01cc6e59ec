import { dossierDirectory } from './read-model/dossier-directory';
import type { DossierSummary } from './read-model/dossier-summary.model';
import type { ReportFacts } from './read-model/report-facts';
import type { Types } from 'mongoose';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { DossierEventModel } from './dossier-event.model';
import { readLog } from './dossier-history.service';

/**
 * Reads other rooms need of a dossier beyond its summary (read-model/), each returning exactly what its caller
 * uses, so the dossier collection is queried only inside this room. By `_id` wherever the key is known.
 */

/** What a notification mail tells about a dossier and whom it reaches (by `_id`). */
export type DossierForMail = Pick<ApplicationRecord, '_id' | 'code' | 'title' | 'type' | 'organizationId' | 'assigneeId' | 'deadlines'>;

export async function dossierForMail(dossierId: string): Promise<DossierForMail | null> {
  return ApplicationModel.findById(dossierId, { code: 1, title: 1, type: 1, organizationId: 1, assigneeId: 1, deadlines: 1 }).lean<DossierForMail>();
}

/** Who works on a dossier now (by `_id`): staff see it, applicants do not (presentDossier leaves it out). */
export async function dossierAssigneeId(dossierId: string): Promise<string | undefined> {
  const dossier = await ApplicationModel.findById(dossierId, { assigneeId: 1 }).lean<{ assigneeId?: Types.ObjectId }>();
  return dossier?.assigneeId ? String(dossier.assigneeId) : undefined;
}

/** What a log entry said besides its transition: the event's fields, the comment and the state after it. */
export interface LoggedEntryFacts {
  event?: { reasons?: unknown; dueAt?: unknown; appointment?: unknown };
  comment?: string;
  after?: { deadlines?: { currentDueAt?: Date | string | null; intake?: { dueAt?: string } | null } };
}

export async function loggedEntryFacts(entryId: string): Promise<LoggedEntryFacts | null> {
  return DossierEventModel.findById(entryId, { event: 1, comment: 1, after: 1 }).lean<LoggedEntryFacts>();
}

/** The kind of eco certificate each green-transformation dossier asked for (`data.certificateKind`), by id, from the summaries. */
export async function certificateKindsOf(dossierIds: readonly unknown[]): Promise<Map<string, string | undefined>> {
  const directory = await dossierDirectory();
  return new Map(dossierIds.map((id) => [String(id), directory.get(String(id))?.report?.certificateKind]));
}

/** A dossier as a report counts it: its dates and states, plus what its summary keeps for briefings. */
export type ReportedDossier = Pick<DossierSummary, 'code' | 'type' | 'title' | 'state' | 'submittedAt' | 'decidedAt' | 'deadlines'> & { report: ReportFacts };

const byCode = (a: DossierSummary, b: DossierSummary) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Every dossier received or decided in [from, before), by code, from the summaries in memory: a report over a
 * province-wide year reads no dossier document.
 */
export async function reportedDossiers(from: Date, before: Date): Promise<readonly ReportedDossier[]> {
  const within = (at: Date | undefined) => at !== undefined && at.getTime() >= from.getTime() && at.getTime() < before.getTime();
  const directory = await dossierDirectory();
  // Kept by the directory until a dossier changes: a briefing's scope is asked for again and again.
  return directory.derived(`reported ${from.toISOString()} ${before.toISOString()}`, (all) =>
    [...all]
      .filter((summary) => within(summary.submittedAt) || within(summary.decidedAt))
      .sort(byCode)
      .map(({ code, type, title, state, submittedAt, decidedAt, deadlines, report }) => ({ code, type, title, state, submittedAt, decidedAt, deadlines, report: report ?? {} })),
  );
}

/** The ids of the dossiers with these readable codes, by code; codes of no dossier are left out. */
export async function dossierIdsOfCodes(codes: readonly string[]): Promise<Map<string, string>> {
  const directory = await dossierDirectory();
  return new Map(codes.flatMap((code) => {
    const id = directory.idOfCode(code);
    return id ? [[code, id] as const] : [];
  }));
}

/** The last logged event of one of these types: when, by whom and why (a decision a document records). */
export interface DecisionFacts {
  at: Date;
  by: { userId?: string; name?: string };
  reasons: string[];
  comment?: string;
}

export async function lastDecision(dossierId: string, eventTypes: readonly string[]): Promise<DecisionFacts | undefined> {
  const entry = (await readLog(dossierId)).reverse().find((e) => eventTypes.includes((e.event as { type: string }).type));
  if (!entry) return undefined;
  const actor = entry.actor as { userId?: string; name?: string };
  const reasons = (entry.event as { reasons?: unknown }).reasons;
  return { at: entry.at, by: { ...(actor.userId ? { userId: actor.userId } : {}), ...(actor.name ? { name: actor.name } : {}) }, reasons: Array.isArray(reasons) ? reasons.map(String) : [] };
}
