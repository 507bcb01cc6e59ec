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
 * its reporting window (raised through the year, answered at the conference). Two filters rather than one
 * `$or`: FerretDB 1.24 pushes simple filters down to SQLite but scans the whole collection for an `$or`.
 */
export function conferencePetitionFilters(conferenceId: string, scope: ReportScope): Record<string, unknown>[] {
  return [
    { conferenceId: new Types.ObjectId(conferenceId) },
    { conferenceId: trusted({ $exists: false }), receivedAt: trusted({ $gte: scope.startsAt, $lt: scope.endsAt }) },
  ];
}

const zeroStatuses = () => Object.fromEntries(PETITION_STATUSES.map((s) => [s, 0])) as Record<PetitionStatus, number>;

/** Counts by topic and status in the database ($group with $sum: available on FerretDB 1.24). */
export async function petitionFigures(conferenceId: string, scope: ReportScope): Promise<PetitionFigures> {
  const grouped = await Promise.all(
    conferencePetitionFilters(conferenceId, scope).map((filter) =>
      PetitionModel.aggregate<{ _id: { topic: PetitionTopic; status: PetitionStatus }; n: number }>([{ $match: filter }, { $group: { _id: { topic: '$topic', status: '$status' }, n: { $sum: 1 } } }]),
    ),
  );
  const rows = grouped.flat();
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

/** Petitions of the conference (its own first, then the unattached ones) by topic then date, from cursors. */
export async function* conferencePetitions(conferenceId: string, scope: ReportScope, options: { topic?: PetitionTopic; limit?: number } = {}): AsyncGenerator<PetitionRecord> {
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  for (const filter of conferencePetitionFilters(conferenceId, scope)) {
    if (left <= 0) return;
    const query = PetitionModel.find({ ...filter, ...(options.topic && { topic: options.topic }) }).sort({ topic: 1, receivedAt: 1, code: 1 });
    if (Number.isFinite(left)) query.limit(left);
    for await (const petition of query.lean<PetitionRecord>().cursor({ batchSize: 500 })) {
      left -= 1;
      yield petition as PetitionRecord;
    }
  }
}
