import type { ContributionRecord, GenderGroup } from './contributions-for';

/**
 * A period's contributions summed three ways: by indicator and leadership gender (values), by indicator and
 * dossier (lineage), and the distinct organizations with their employee counts (workforce), in memory: from
 * the contribution directory for live views (period-aggregate.ts), from a fresh projection for the recompute.
 */
export interface ValueRow {
  indicatorId: string;
  gender: GenderGroup;
  numerator: number;
  denominator: number;
  contributions: number;
}

export interface LineageRow {
  indicatorId: string;
  dossierCode: string;
  numerator: number;
  denominator: number;
}

export interface WorkforceRow {
  indicatorId: string;
  organizationId: string;
  female: number | null;
  male: number | null;
  other: number | null;
}

export interface PeriodGroups {
  values: ValueRow[];
  lineage: LineageRow[];
  workforce: WorkforceRow[];
}

/** The fields of a contribution that its period's groups read. */
export type GroupedContribution = Pick<ContributionRecord, 'indicatorId' | 'leadershipGender' | 'numerator' | 'denominator' | 'dossierCode' | 'organizationId' | 'employeesFemale' | 'employeesMale' | 'employeesOther'>;

export function groupInMemory(records: Iterable<GroupedContribution>): PeriodGroups {
  const values = new Map<string, ValueRow>();
  const lineage = new Map<string, LineageRow>();
  const workforce = new Map<string, WorkforceRow>();
  for (const r of records) {
    const valueKey = `${r.indicatorId}\u0000${r.leadershipGender}`;
    const value = values.get(valueKey) ?? { indicatorId: r.indicatorId, gender: r.leadershipGender, numerator: 0, denominator: 0, contributions: 0 };
    value.numerator += r.numerator;
    value.denominator += r.denominator;
    value.contributions += 1;
    values.set(valueKey, value);
    const lineageKey = `${r.indicatorId}\u0000${r.dossierCode}`;
    const line = lineage.get(lineageKey) ?? { indicatorId: r.indicatorId, dossierCode: r.dossierCode, numerator: 0, denominator: 0 };
    line.numerator += r.numerator;
    line.denominator += r.denominator;
    lineage.set(lineageKey, line);
    const workforceKey = [r.indicatorId, r.organizationId, r.employeesFemale, r.employeesMale, r.employeesOther].join('\u0000');
    workforce.set(workforceKey, { indicatorId: r.indicatorId, organizationId: r.organizationId, female: r.employeesFemale, male: r.employeesMale, other: r.employeesOther });
  }
  return { values: [...values.values()], lineage: [...lineage.values()], workforce: [...workforce.values()] };
}
