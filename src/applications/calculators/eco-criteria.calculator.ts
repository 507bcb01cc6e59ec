/**
 * Scores an eco-industrial-park or eco-enterprise application against the criteria checklist: a group passes
 * when all its required criteria are met and its scored criteria reach the group's minimum points; the
 * application meets the criteria when every group passes. A criterion without evidence counts as unmet and
 * is reported as such, so the officer can ask for it in one supplementation request.
 */
import {
  DEFAULT_ECO_CRITERIA_TABLES,
  type EcoCertificateKind,
  type EcoCriteriaGroup,
  type EcoCriteriaTables,
  type EcoCriterion,
} from './eco-criteria.data';
import { type CalculationRecord, type FactorUsed, type LocalizedText, factorFromEntry, findEffective, isEffectiveOn } from './legal-value';

export const ECO_CRITERIA_CALCULATOR_VERSION = 'eco-criteria@1.0.0';

export interface EcoCriteriaInput {
  readonly certificateKind: EcoCertificateKind;
  /** Criterion id → yes/no for 'yes_no' criteria, a percentage for 'percent_at_least' ones. */
  readonly evidence: Readonly<Record<string, boolean | number>>;
  /** Local date whose checklist applies, 'YYYY-MM-DD'. */
  readonly onDate: string;
}

export interface UnmetCriterion {
  readonly id: string;
  readonly group: EcoCriteriaGroup;
  readonly name: LocalizedText;
  readonly required: boolean;
  readonly reason: 'no_evidence' | 'not_met';
}

export interface EcoGroupResult {
  readonly group: EcoCriteriaGroup;
  readonly name: LocalizedText;
  readonly met: boolean;
  readonly requiredMet: boolean;
  readonly scoredPoints: number;
  readonly minScoredPoints: number;
  readonly metCriteria: readonly string[];
  readonly unmetCriteria: readonly string[];
}

export interface EcoCriteriaResult {
  readonly criteriaMet: boolean;
  readonly groups: readonly EcoGroupResult[];
  readonly unmetCriteria: readonly UnmetCriterion[];
}

const GROUP_ORDER: readonly EcoCriteriaGroup[] = [
  'environmental_compliance',
  'cleaner_production_resource_efficiency',
  'industrial_symbiosis',
  'social_community',
];

export function evaluateEcoCriteria(
  input: EcoCriteriaInput,
  tables: EcoCriteriaTables = DEFAULT_ECO_CRITERIA_TABLES,
): CalculationRecord<EcoCriteriaInput, EcoCriteriaResult> {
  const applicable = tables.criteria.filter((c) => c.appliesTo.includes(input.certificateKind) && isEffectiveOn(c, input.onDate));
  const unmetCriteria: UnmetCriterion[] = [];
  const factors: FactorUsed[] = [];

  const groups = GROUP_ORDER.map((group): EcoGroupResult => {
    const rule = findEffective(tables.groupRules, (r) => r.group === group, input.onDate, { table: 'eco criteria group rule', key: group });
    factors.push(
      factorFromEntry(rule, {
        code: `eco_group_min_points:${group}`,
        name: { vi: `Điểm tối thiểu – ${rule.name_vi}`, en: `Minimum points – ${rule.name_en}` },
        value: rule.minScoredPoints,
        unit: 'points',
      }),
    );
    const inGroup = applicable.filter((c) => c.group === group);
    const metCriteria: string[] = [];
    const unmetIds: string[] = [];
    let scoredPoints = 0;
    let requiredMet = true;
    for (const criterion of inGroup) {
      const outcome = assess(criterion, input.evidence[criterion.id]);
      if (outcome === 'met') {
        metCriteria.push(criterion.id);
        if (criterion.kind === 'scored') scoredPoints += criterion.points;
        continue;
      }
      unmetIds.push(criterion.id);
      if (criterion.kind === 'required') requiredMet = false;
      unmetCriteria.push({
        id: criterion.id,
        group,
        name: { vi: criterion.name_vi, en: criterion.name_en },
        required: criterion.kind === 'required',
        reason: outcome,
      });
    }
    return {
      group,
      name: { vi: rule.name_vi, en: rule.name_en },
      met: requiredMet && scoredPoints >= rule.minScoredPoints,
      requiredMet,
      scoredPoints,
      minScoredPoints: rule.minScoredPoints,
      metCriteria,
      unmetCriteria: unmetIds,
    };
  });
  for (const criterion of applicable) {
    factors.push(
      factorFromEntry(criterion, {
        code: `eco_criterion:${criterion.id}`,
        name: { vi: criterion.name_vi, en: criterion.name_en },
        value: criterion.measure.kind === 'percent_at_least' ? criterion.measure.min : 1,
        unit: criterion.measure.kind === 'percent_at_least' ? '% (minimum)' : 'yes/no',
      }),
    );
  }

  const criteriaMet = groups.every((g) => g.met);
  return {
    calculator: 'eco-criteria',
    calculatorVersion: ECO_CRITERIA_CALCULATOR_VERSION,
    inputs: input,
    formula: {
      vi: 'Mỗi nhóm đạt khi mọi tiêu chí bắt buộc đạt và tổng điểm tiêu chí tính điểm ≥ mức tối thiểu; đạt khi cả 4 nhóm đạt.',
      en: 'A group passes when every required criterion is met and scored points reach its minimum; all 4 groups must pass.',
    },
    factors,
    legalBasis: ['Decree 35/2022/ND-CP Art 37', 'Decree 35/2022/ND-CP Art 40', 'Circular 05/2025'],
    result: { criteriaMet, groups, unmetCriteria },
    explanation: explain(criteriaMet, groups),
    notices: [],
    usesUnverifiedValues: factors.some((f) => !f.verified),
  };
}

function assess(criterion: EcoCriterion, evidence: boolean | number | undefined): 'met' | 'not_met' | 'no_evidence' {
  if (evidence === undefined) return 'no_evidence';
  if (criterion.measure.kind === 'yes_no') {
    if (typeof evidence !== 'boolean') throw new TypeError(`Criterion ${criterion.id} expects yes/no evidence`);
    return evidence ? 'met' : 'not_met';
  }
  if (typeof evidence !== 'number' || !Number.isFinite(evidence) || evidence < 0 || evidence > 100) {
    throw new TypeError(`Criterion ${criterion.id} expects a percentage between 0 and 100`);
  }
  return evidence >= criterion.measure.min ? 'met' : 'not_met';
}

function explain(criteriaMet: boolean, groups: readonly EcoGroupResult[]): LocalizedText {
  const line = (g: EcoGroupResult, lang: 'vi' | 'en') =>
    `${g.name[lang]}: ${g.met ? (lang === 'vi' ? 'đạt' : 'met') : lang === 'vi' ? 'chưa đạt' : 'not met'} ` +
    `(${g.scoredPoints}/${g.minScoredPoints}${lang === 'vi' ? ' điểm' : ' points'})`;
  return {
    vi: `${criteriaMet ? 'Đáp ứng' : 'Chưa đáp ứng'} tiêu chí. ${groups.map((g) => line(g, 'vi')).join('; ')}.`,
    en: `Criteria ${criteriaMet ? 'met' : 'not met'}. ${groups.map((g) => line(g, 'en')).join('; ')}.`,
  };
}
