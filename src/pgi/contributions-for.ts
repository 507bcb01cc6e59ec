import type { WorkingCalendar } from '../calendar';
import { localDateOf } from '../calendar';
import type { FormulaInput, IndicatorSet, ProjectedDossier, ProjectedEntry, ProjectedOrganization } from './indicator.types';
import { indicatorSetOn } from './indicators';
import { periodsOf } from './pgi-period';

export const GENDER_GROUPS = ['female', 'male', 'other', 'undisclosed', 'unrecorded'] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];

/** A contribution document before it is inserted (see pgi-contribution.model.ts). */
export interface ContributionRecord {
  _id: string;
  entryId: string;
  indicatorId: string;
  component: number;
  definitionsVersion: number;
  dossierId: string;
  dossierCode: string;
  dossierType: string;
  organizationId: string;
  at: Date;
  quarter: string;
  year: string;
  numerator: number;
  denominator: number;
  leadershipGender: GenderGroup;
  employeesFemale: number | null;
  employeesMale: number | null;
  employeesOther: number | null;
}

export const contributionId = (entryId: string, indicatorId: string) => `${entryId}|${indicatorId}`;

function genderOf(organization: ProjectedOrganization | null): GenderGroup {
  const recorded = organization?.leadershipGender;
  return GENDER_GROUPS.find((group) => group === recorded && group !== 'unrecorded') ?? 'unrecorded';
}

const count = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Pure: what one log entry adds to each indicator of the set in force on the entry's local date. The projector
 * inserts these and the full recompute sums them in memory, so both read every formula the same way.
 */
export function contributionsFor(
  entry: ProjectedEntry,
  dossier: ProjectedDossier,
  organization: ProjectedOrganization | null,
  calendar: WorkingCalendar,
  set: IndicatorSet = indicatorSetOn(localDateOf(new Date(entry.at))),
): ContributionRecord[] {
  const input: FormulaInput = { entry, dossier, organization, calendar };
  const { quarter, year } = periodsOf(new Date(entry.at));
  const employees = organization?.employeesByGender;
  const records: ContributionRecord[] = [];
  for (const indicator of set.indicators) {
    const contribution = indicator.formula(input);
    if (!contribution) continue;
    records.push({
      _id: contributionId(entry._id, indicator.id),
      entryId: entry._id,
      indicatorId: indicator.id,
      component: indicator.component,
      definitionsVersion: set.version,
      dossierId: String(dossier._id),
      dossierCode: dossier.code,
      dossierType: dossier.type,
      organizationId: String(dossier.organizationId),
      at: new Date(entry.at),
      quarter,
      year,
      numerator: contribution.numerator,
      denominator: contribution.denominator ?? 0,
      leadershipGender: genderOf(organization),
      employeesFemale: count(employees?.female),
      employeesMale: count(employees?.male),
      employeesOther: count(employees?.other),
    });
  }
  return records;
}
