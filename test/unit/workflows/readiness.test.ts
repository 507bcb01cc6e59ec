import {
  emissionsReductionSubmissionProblems,
  eprSubmissionProblems,
  getWorkflow,
  greenTransformationSubmissionProblems,
  renewableEnergySubmissionProblems,
  type Problem,
} from '../../../workflows';

const codes = (problems: Problem[]) => problems.map((p) => p.code);

describe('submission readiness', () => {
  it('when an EPR dossier has no computed obligation, no method and a missing plan, then all three are listed at once', () => {
    const problems = eprSubmissionProblems({ obligationComputed: false, requiredDocumentsMissing: ['recycling_plan'] });
    expect(codes(problems)).toEqual(['obligation_not_computed', 'compliance_method_missing', 'document_missing']);
    expect(problems[2]).toMatchObject({ field: 'documents.recycling_plan' });
    expect(problems[2]?.message_vi).toContain('recycling_plan');
  });

  it('when an EPR dossier is complete, then it has no problems', () => {
    expect(
      eprSubmissionProblems({ obligationComputed: true, complianceMethod: 'contribute', requiredDocumentsMissing: [] }),
    ).toEqual([]);
  });

  it('when a solar system sells more surplus than its cap, then the share is named rather than a generic cap breach', () => {
    const problems = renewableEnergySubmissionProblems({
      capacityKw: 50,
      surplusSharePercent: 30,
      surplusCapPercent: 20,
      withinCaps: false,
      requiredDocumentsMissing: [],
    });
    expect(codes(problems)).toEqual(['surplus_above_cap']);
    expect(problems[0]?.message_en).toContain('30 %');
  });

  it('when a solar system breaches another cap or lacks its capacity, then both are reported', () => {
    const problems = renewableEnergySubmissionProblems({ withinCaps: false, requiredDocumentsMissing: ['permit'] });
    expect(codes(problems)).toEqual(['capacity_missing', 'outside_caps', 'document_missing']);
  });

  it('when a GHG inventory is incomplete, then the submission names it', () => {
    expect(codes(emissionsReductionSubmissionProblems({ inventoryComplete: false, requiredDocumentsMissing: [] }))).toEqual([
      'inventory_incomplete',
    ]);
  });

  it('when green-transformation criteria are unmet, then each criterion is a separate reason', () => {
    const problems = greenTransformationSubmissionProblems({
      criteriaMet: false,
      unmetCriteria: ['industrial_symbiosis', 'cleaner_production'],
      requiredDocumentsMissing: [],
    });
    expect(problems.map((p) => p.field)).toEqual(['criteria.industrial_symbiosis', 'criteria.cleaner_production']);
  });

  it('when criteria are "not met" without naming any, then a general reason is still given', () => {
    expect(
      codes(greenTransformationSubmissionProblems({ criteriaMet: false, unmetCriteria: [], requiredDocumentsMissing: [] })),
    ).toEqual(['criteria_not_met']);
  });

  it('when a workflow is given facts of the wrong shape, then it refuses with reasons instead of throwing', () => {
    const problems = getWorkflow('epr', 1).submissionProblems({ inventoryComplete: true });
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(codes(problems))).toEqual(new Set(['dossier_facts_invalid']));
  });
});
