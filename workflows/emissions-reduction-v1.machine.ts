import { buildOneStopWorkflow } from './one-stop-lifecycle';
import {
  emissionsReductionFactsSchema,
  emissionsReductionSubmissionProblems,
} from './readiness/emissions-reduction.readiness';

/** GHG inventory and reduction-plan review by the province (Decree 06/2022 as amended by 119/2025). */
export const id = 'emissions_reduction';
export const version = 1;
export const emissionsReductionWorkflowV1 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: emissionsReductionFactsSchema,
  submissionProblems: emissionsReductionSubmissionProblems,
});
export const machine = emissionsReductionWorkflowV1.machine;
