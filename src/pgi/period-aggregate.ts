import { contributionDirectory, type HeldContribution } from './contribution-directory';
import { groupInMemory, type PeriodGroups } from './period-groups';
import { periodField, type Period } from './pgi-period';

/** A period's contributions, from the in-memory directory. */
export async function contributionsOfPeriod(period: Period): Promise<HeldContribution[]> {
  const field = periodField(period);
  return (await contributionDirectory()).inGroup(field, period.id);
}

/** A period's groups (values by gender, lineage, workforce), summed in memory from its contributions. */
export async function aggregatePeriod(period: Period): Promise<PeriodGroups> {
  return groupInMemory(await contributionsOfPeriod(period));
}
