import { GENDER_GROUPS, type GenderGroup } from './contributions-for';
import { describeIndicator, type Aggregation, type ComponentNumber, type IndicatorDescription, type IndicatorSet, type LocalizedText } from './indicator.types';
import { PGI_COMPONENTS } from './indicators';
import type { PeriodGroups, WorkforceRow } from './period-groups';
import type { Period } from './pgi-period';

export interface Sums {
  value: number | null;
  numerator: number;
  denominator: number;
  contributions: number;
}

export interface IndicatorValue extends Sums {
  indicator: IndicatorDescription;
  /** Every dossier behind the value, with what it added (an approval and its revocation net to zero). */
  lineage: { code: string; numerator: number; denominator: number }[];
  gender: {
    byLeadership: Record<GenderGroup, Sums>;
    /** Distinct organizations behind the value and the employees they recorded, by gender. */
    workforce: { organizations: number; recorded: number; female: number; male: number; other: number };
  };
}

export interface PeriodView {
  period: { id: string; kind: Period['kind']; startsAt: string; endsAt: string };
  definitionsVersion: number;
  components: { number: ComponentNumber; name: LocalizedText; indicators: IndicatorValue[] }[];
}

/** Sums of doubles come back in a different order from the database and from memory: compare at 1e-6. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

export function valueOf(aggregation: Aggregation, numerator: number, denominator: number): number | null {
  switch (aggregation.kind) {
    case 'sum':
      return tidy(numerator);
    case 'percent':
      return denominator === 0 ? null : tidy((numerator / denominator) * 100);
    case 'mean':
      return denominator === 0 ? null : tidy(numerator / denominator);
    case 'percent_of_population':
      return aggregation.population > 0 ? tidy((numerator / aggregation.population) * 100) : null;
  }
}

function workforceOf(rows: readonly WorkforceRow[]): IndicatorValue['gender']['workforce'] {
  // One organization may appear with different counts if it edited them between entries: keep the largest.
  const byOrganization = new Map<string, WorkforceRow>();
  const total = (row: WorkforceRow) => (row.female ?? 0) + (row.male ?? 0) + (row.other ?? 0);
  for (const row of rows) {
    const kept = byOrganization.get(row.organizationId);
    if (!kept || total(row) > total(kept)) byOrganization.set(row.organizationId, row);
  }
  const kept = [...byOrganization.values()];
  const recorded = kept.filter((row) => row.female !== null || row.male !== null || row.other !== null);
  const sum = (pick: (row: WorkforceRow) => number | null) => recorded.reduce((acc, row) => acc + (pick(row) ?? 0), 0);
  return { organizations: kept.length, recorded: recorded.length, female: sum((r) => r.female), male: sum((r) => r.male), other: sum((r) => r.other) };
}

/** Pure: the period as the API, the dashboard, the exports and the snapshots show it. */
export function assemblePeriodView(period: Period, set: IndicatorSet, groups: PeriodGroups): PeriodView {
  const indicatorValue = (id: string): IndicatorValue => {
    const definition = set.indicators.find((indicator) => indicator.id === id)!;
    const rows = groups.values.filter((row) => row.indicatorId === id);
    const sumsOf = (selected: typeof rows): Sums => {
      const numerator = tidy(selected.reduce((acc, row) => acc + row.numerator, 0));
      const denominator = tidy(selected.reduce((acc, row) => acc + row.denominator, 0));
      const contributions = selected.reduce((acc, row) => acc + row.contributions, 0);
      return { value: contributions === 0 ? null : valueOf(definition.aggregation, numerator, denominator), numerator, denominator, contributions };
    };
    const byLeadership = Object.fromEntries(GENDER_GROUPS.map((g) => [g, sumsOf(rows.filter((row) => row.gender === g))])) as Record<GenderGroup, Sums>;
    const lineage = groups.lineage
      .filter((row) => row.indicatorId === id)
      .map((row) => ({ code: row.dossierCode, numerator: tidy(row.numerator), denominator: tidy(row.denominator) }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const workforce = workforceOf(groups.workforce.filter((row) => row.indicatorId === id));
    return { indicator: describeIndicator(definition), ...sumsOf(rows), lineage, gender: { byLeadership, workforce } };
  };
  const components = ([1, 2, 3, 4] as const).map((number) => ({
    number,
    name: PGI_COMPONENTS[number],
    indicators: set.indicators.filter((indicator) => indicator.component === number).map((indicator) => indicatorValue(indicator.id)),
  }));
  return {
    period: { id: period.id, kind: period.kind, startsAt: period.startsAt.toISOString(), endsAt: period.endsAt.toISOString() },
    definitionsVersion: set.version,
    components,
  };
}

/** Indicator id → value: what a period list or a trend line needs. */
export function summarize(view: PeriodView): Record<string, number | null> {
  return Object.fromEntries(view.components.flatMap((c) => c.indicators.map((i) => [i.indicator.id, i.value])));
}
