import { byteOrder, petitionDirectory } from './petition-directory';
import type { PetitionRecord } from './petition.model';
import { OPEN_STATUSES, PETITION_STATUSES, PETITION_TOPICS, type PetitionStatus, type PetitionTopic } from './petition-topics';
import { inScope, type ReportScope } from './report-scope';

export interface PetitionFigures {
  total: number;
  open: number;
  byStatus: Record<PetitionStatus, number>;
  byTopic: { topic: PetitionTopic; total: number; open: number; byStatus: Record<PetitionStatus, number> }[];
}

/**
 * The petitions a conference reports on, from the petition directory: those filed for it, then those filed
 * without a conference during its reporting window (raised through the year, answered at the conference),
 * each part by topic, date and code.
 */
export async function conferencePetitionList(conferenceId: string, scope: ReportScope): Promise<PetitionRecord[]> {
  const all = [...(await petitionDirectory()).all()];
  const byTopicThenDate = (a: PetitionRecord, b: PetitionRecord) =>
    byteOrder(a.topic, b.topic) || a.receivedAt.getTime() - b.receivedAt.getTime() || byteOrder(a.code, b.code);
  const own = all.filter((p) => p.conferenceId !== undefined && p.conferenceId !== null && String(p.conferenceId) === conferenceId).sort(byTopicThenDate);
  const unattached = all.filter((p) => (p.conferenceId === undefined || p.conferenceId === null) && inScope(scope, p.receivedAt)).sort(byTopicThenDate);
  return [...own, ...unattached];
}

const zeroStatuses = () => Object.fromEntries(PETITION_STATUSES.map((s) => [s, 0])) as Record<PetitionStatus, number>;

export async function petitionFigures(conferenceId: string, scope: ReportScope): Promise<PetitionFigures> {
  const byStatus = zeroStatuses();
  const byTopic = PETITION_TOPICS.map((topic) => ({ topic, total: 0, open: 0, byStatus: zeroStatuses() }));
  for (const petition of await conferencePetitionList(conferenceId, scope)) {
    const group = byTopic.find((t) => t.topic === petition.topic);
    if (!group) continue;
    group.byStatus[petition.status] += 1;
    group.total += 1;
    if (OPEN_STATUSES.includes(petition.status)) group.open += 1;
    byStatus[petition.status] += 1;
  }
  const total = byTopic.reduce((acc, t) => acc + t.total, 0);
  const open = byTopic.reduce((acc, t) => acc + t.open, 0);
  return { total, open, byStatus, byTopic };
}

/** Petitions of the conference (its own first, then the unattached ones) by topic then date, optionally one topic. */
export async function* conferencePetitions(conferenceId: string, scope: ReportScope, options: { topic?: PetitionTopic; limit?: number } = {}): AsyncGenerator<PetitionRecord> {
  const matching = (await conferencePetitionList(conferenceId, scope)).filter((p) => !options.topic || p.topic === options.topic);
  yield* matching.slice(0, options.limit ?? matching.length);
}
