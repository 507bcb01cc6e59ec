import { buildOneStopWorkflow, DECREE_118_RULES } from './one-stop-lifecycle';
import { emissionsReductionFactsSchema, emissionsReductionSubmissionProblems } from './readiness/emissions-reduction.readiness';

/** GHG inventory and reduction-plan review, version 2: the Decree 118/2025 one-stop rules. */
export const id = 'emissions_reduction';
export const version = 2;
export const emissionsReductionWorkflowV2 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: emissionsReductionFactsSchema,
  submissionProblems: emissionsReductionSubmissionProblems,
  rules: DECREE_118_RULES,
});
export const machine = emissionsReductionWorkflowV2.machine;
