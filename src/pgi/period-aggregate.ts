import { contributionDirectory, type HeldContribution } from './contribution-directory';
import { indicatorSetForPeriod } from './indicators';
import { groupInMemory, type PeriodGroups } from './period-groups';
import { assemblePeriodView, type PeriodView } from './period-view';
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

/**
 * Live views kept until their period's contributions change: a year of a province sums ~45,000 contributions
 * (50 ms and more), and a past period's never change. Read only: every caller shares the object.
 */
const liveViews = new Map<string, { stamp: string; view: Readonly<PeriodView> }>();

/** The period as it stands now, from its contributions (a closed period's snapshot is pgi.service's concern). */
export async function livePeriodView(period: Period): Promise<Readonly<PeriodView>> {
  const directory = await contributionDirectory();
  const stamp = directory.groupStamp(periodField(period), period.id);
  const kept = liveViews.get(period.id);
  if (kept?.stamp === stamp) return kept.view;
  const view = deepFreeze(assemblePeriodView(period, indicatorSetForPeriod(period), groupInMemory(directory.inGroup(periodField(period), period.id))));
  liveViews.set(period.id, { stamp, view });
  return view;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
