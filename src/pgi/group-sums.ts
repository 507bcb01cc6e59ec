import type { PipelineStage } from 'mongoose';
import { PgiContributionModel } from './pgi-contribution.model';

export type SumRow<K> = { _id: K } & Record<string, number>;

/**
 * `$group` with several `$sum`s, one pipeline per sum. FerretDB 1.24 computes only the FIRST accumulator of a
 * `$group` and answers 0 for the others (seen on this code base's embedded FerretDB; MongoDB is right), so each
 * sum runs alone and the rows are merged by their group key.
 */
export async function groupSums<K>(match: PipelineStage.Match, id: Record<string, string>, sums: Record<string, string | number>): Promise<SumRow<K>[]> {
  const rows = new Map<string, SumRow<K>>();
  const results = await Promise.all(
    Object.entries(sums).map(async ([name, expression]) => ({
      name,
      rows: await PgiContributionModel.aggregate<{ _id: K; v: number }>([match, { $group: { _id: id, v: { $sum: expression } } }]),
    })),
  );
  for (const { name, rows: partial } of results) {
    for (const row of partial) {
      const key = JSON.stringify(row._id);
      const merged = rows.get(key) ?? ({ _id: row._id } as SumRow<K>);
      (merged as Record<string, unknown>)[name] = row.v;
      rows.set(key, merged);
    }
  }
  return [...rows.values()];
}
