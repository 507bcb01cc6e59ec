import { trusted, Types } from 'mongoose';
import { PetitionModel, type PetitionRecord } from './petition.model';
import { OPEN_STATUSES, PETITION_STATUSES, PETITION_TOPICS, type PetitionStatus, type PetitionTopic } from './petition-topics';
import type { ReportScope } from './report-scope';

export interface PetitionFigures {
  total: number;
  open: number;
  byStatus: Record<PetitionStatus, number>;
  byTopic: { topic: PetitionTopic; total: number; open: number; byStatus: Record<PetitionStatus, number> }[];
}

/**
 * The petitions a conference reports on: those filed for it, and those filed without a conference during
 * its reporting window (raised through the year, answered at the conference).
 */
export function conferencePetitionFilter(conferenceId: string, scope: ReportScope): Record<string, unknown> {
  return {
    $or: [
      { conferenceId: new Types.ObjectId(conferenceId) },
      { conferenceId: trusted({ $exists: false }), receivedAt: trusted({ $gte: scope.startsAt, $lt: scope.endsAt }) },
    ],
  };
}

const zeroStatuses = () => Object.fromEntries(PETITION_STATUSES.map((s) => [s, 0])) as Record<PetitionStatus, number>;

/** Counts by topic and status in the database ($group with $sum: available on FerretDB 1.24). */
export async function petitionFigures(conferenceId: string, scope: ReportScope): Promise<PetitionFigures> {
  const rows = await PetitionModel.aggregate<{ _id: { topic: PetitionTopic; status: PetitionStatus }; n: number }>([
    { $match: conferencePetitionFilter(conferenceId, scope) },
    { $group: { _id: { topic: '$topic', status: '$status' }, n: { $sum: 1 } } },
  ]);
  const byStatus = zeroStatuses();
  const byTopic = PETITION_TOPICS.map((topic) => ({ topic, total: 0, open: 0, byStatus: zeroStatuses() }));
  for (const row of rows) {
    const group = byTopic.find((t) => t.topic === row._id.topic);
    if (!group) continue;
    group.byStatus[row._id.status] += row.n;
    group.total += row.n;
    if (OPEN_STATUSES.includes(row._id.status)) group.open += row.n;
    byStatus[row._id.status] += row.n;
  }
  const total = byTopic.reduce((acc, t) => acc + t.total, 0);
  const open = byTopic.reduce((acc, t) => acc + t.open, 0);
  return { total, open, byStatus, byTopic };
}

/** Petitions of the conference by topic then date: the briefing's list and the XLSX sheet read this cursor. */
export function conferencePetitions(conferenceId: string, scope: ReportScope, options: { topic?: PetitionTopic; limit?: number } = {}) {
  const filter = { ...conferencePetitionFilter(conferenceId, scope), ...(options.topic && { topic: options.topic }) };
  const query = PetitionModel.find(filter).sort({ topic: 1, receivedAt: 1, code: 1 });
  if (options.limit) query.limit(options.limit);
  return query.lean<PetitionRecord>().cursor({ batchSize: 500 });
}
