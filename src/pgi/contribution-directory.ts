import { LiveDirectory } from '../db';
import type { ContributionRecord } from './contributions-for';
import type { GroupedContribution } from './period-groups';
import { PgiContributionModel } from './pgi-contribution.model';

/** What the dashboard and the period list read of a contribution. */
export type HeldContribution = GroupedContribution & Pick<ContributionRecord, '_id' | 'quarter' | 'year'>;

const FIELDS = { indicatorId: 1, dossierCode: 1, organizationId: 1, quarter: 1, year: 1, numerator: 1, denominator: 1, leadershipGender: 1, employeesFemale: 1, employeesMale: 1, employeesOther: 1 } as const;

/**
 * Every PGI contribution in memory (src/db/live-directory.ts). Each period view summed the contribution
 * collection with six aggregations, and FerretDB decodes the whole collection for each (10 s for the
 * dashboard at 1,000 dossiers). Contributions are inserted once and never change, so every version is 0.
 */
const directory = new LiveDirectory<HeldContribution>(
  {
    name: 'pgi-contributions',
    loadAll: () => PgiContributionModel.find({}, FIELDS).lean<HeldContribution[]>(),
    readOne: (id) => PgiContributionModel.findById(id, FIELDS).lean<HeldContribution>(),
    keyOf: (contribution) => contribution._id,
    versionOf: () => 0,
    // A period's view reads its own contributions, not a copy of every one (225,000 at 50,000 dossiers).
    groups: { quarter: (contribution) => contribution.quarter, year: (contribution) => contribution.year },
  },
  { maxStalenessMs: 1000 },
);

export const contributionDirectory = () => directory.fresh();

/** After this process inserted contributions: the others learn of them from the notes, this one at once. */
export async function noteContributionsWritten(contributions: readonly HeldContribution[]): Promise<void> {
  for (const contribution of contributions) await directory.noteWritten(contribution);
}

/** After the recompute's bulk repair: every instance reloads the contributions. */
export const noteContributionBulkWrite = () => directory.noteBulkWrite();
