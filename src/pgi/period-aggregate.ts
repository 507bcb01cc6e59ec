import type { GenderGroup } from './contributions-for';
import { groupSums } from './group-sums';
import type { PeriodGroups } from './period-groups';
import { PgiContributionModel } from './pgi-contribution.model';
import { periodField, type Period } from './pgi-period';

/**
 * Reads a period's groups from the contribution documents. Only $match and $group with $sum: FerretDB 1.24
 * has no $avg, $min/$max, $lookup or $facet, which is why shares and means are summed as two fields and the
 * dossier code and gender travel on each contribution.
 */
export async function aggregatePeriod(period: Period): Promise<PeriodGroups> {
  const match = { $match: { [periodField(period)]: period.id } };
  const [values, lineage, workforce] = await Promise.all([
    groupSums<{ i: string; g: GenderGroup }>(match, { i: '$indicatorId', g: '$leadershipGender' }, { n: '$numerator', d: '$denominator', c: 1 }),
    groupSums<{ i: string; code: string }>(match, { i: '$indicatorId', code: '$dossierCode' }, { n: '$numerator', d: '$denominator' }),
    PgiContributionModel.aggregate<{ _id: { i: string; o: string; f?: number | null; m?: number | null; x?: number | null } }>([
      match,
      { $group: { _id: { i: '$indicatorId', o: '$organizationId', f: '$employeesFemale', m: '$employeesMale', x: '$employeesOther' } } },
    ]),
  ]);
  return {
    values: values.map((row) => ({ indicatorId: row._id.i, gender: row._id.g, numerator: row.n ?? 0, denominator: row.d ?? 0, contributions: row.c ?? 0 })),
    lineage: lineage.map((row) => ({ indicatorId: row._id.i, dossierCode: row._id.code, numerator: row.n ?? 0, denominator: row.d ?? 0 })),
    workforce: workforce.map((row) => ({
      indicatorId: row._id.i,
      organizationId: row._id.o,
      female: row._id.f ?? null,
      male: row._id.m ?? null,
      other: row._id.x ?? null,
    })),
  };
}
