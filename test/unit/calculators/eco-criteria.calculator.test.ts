import { evaluateEcoCriteria } from '../../../src/applications/calculators/eco-criteria.calculator';

const onDate = '2026-03-10';
const FULL_PARK_EVIDENCE = {
  env_permit_valid: true,
  env_no_serious_violation: true,
  env_central_wastewater: true,
  cp_enterprises_applying: 35,
  cp_energy_efficiency: true,
  cp_water_reuse: false,
  is_symbiosis_links: true,
  is_enterprises_participating: 10,
  sc_worker_services: true,
  sc_community_engagement: false,
};

describe('evaluateEcoCriteria', () => {
  it('when every group reaches its requirements, then the park meets the criteria and misses are still listed', () => {
    const record = evaluateEcoCriteria({ certificateKind: 'eco_industrial_park', evidence: FULL_PARK_EVIDENCE, onDate });
    expect(record.result.criteriaMet).toBe(true);
    expect(record.result.groups.map((g) => [g.group, g.met])).toEqual([
      ['environmental_compliance', true],
      ['cleaner_production_resource_efficiency', true],
      ['industrial_symbiosis', true],
      ['social_community', true],
    ]);
    expect(record.result.unmetCriteria.map((c) => c.id)).toEqual(['cp_water_reuse', 'is_enterprises_participating', 'sc_community_engagement']);
    expect(record.usesUnverifiedValues).toBe(true);
    expect(record.calculatorVersion).toMatch(/^eco-criteria@/);
  });

  it('when a required criterion fails, then its group and the whole application fail', () => {
    const record = evaluateEcoCriteria({
      certificateKind: 'eco_industrial_park',
      evidence: { ...FULL_PARK_EVIDENCE, env_central_wastewater: false },
      onDate,
    });
    expect(record.result.criteriaMet).toBe(false);
    expect(record.result.groups[0]).toMatchObject({ met: false, requiredMet: false });
    expect(record.result.unmetCriteria[0]).toMatchObject({ id: 'env_central_wastewater', required: true, reason: 'not_met' });
    expect(record.explanation.en).toContain('Criteria not met');
  });

  it('when scored points fall short of the group minimum, then that group fails', () => {
    const record = evaluateEcoCriteria({
      certificateKind: 'eco_industrial_park',
      evidence: { ...FULL_PARK_EVIDENCE, cp_enterprises_applying: 19.9 },
      onDate,
    });
    expect(record.result.groups[1]).toMatchObject({ met: false, scoredPoints: 1, minScoredPoints: 2 });
  });

  it('when evidence is empty, then nothing is met and every applicable criterion is reported as lacking evidence', () => {
    const record = evaluateEcoCriteria({ certificateKind: 'eco_enterprise', evidence: {}, onDate });
    expect(record.result.criteriaMet).toBe(false);
    expect(record.result.unmetCriteria.every((c) => c.reason === 'no_evidence')).toBe(true);
    // Park-only criteria are not asked of an enterprise.
    expect(record.result.unmetCriteria.map((c) => c.id)).not.toContain('env_central_wastewater');
  });

  it('when evidence has the wrong type, then it throws', () => {
    expect(() =>
      evaluateEcoCriteria({ certificateKind: 'eco_industrial_park', evidence: { cp_enterprises_applying: true }, onDate }),
    ).toThrow(TypeError);
    expect(() => evaluateEcoCriteria({ certificateKind: 'eco_enterprise', evidence: { env_permit_valid: 1 }, onDate })).toThrow(TypeError);
  });
});
