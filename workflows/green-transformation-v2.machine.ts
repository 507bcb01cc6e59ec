import { GREEN_TRANSFORMATION_CONSULTED_AGENCIES } from './green-transformation-v1.machine';
import { buildOneStopWorkflow, DECREE_118_RULES } from './one-stop-lifecycle';
import { greenTransformationFactsSchema, greenTransformationSubmissionProblems } from './readiness/green-transformation.readiness';

/** Eco-industrial-park / eco-enterprise certification, version 2: v1's consultation under the Decree 118/2025 one-stop rules. */
export const id = 'green_transformation';
export const version = 2;
export const greenTransformationWorkflowV2 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: greenTransformationFactsSchema,
  submissionProblems: greenTransformationSubmissionProblems,
  consultationAgencies: GREEN_TRANSFORMATION_CONSULTED_AGENCIES,
  rules: DECREE_118_RULES,
});
export const machine = greenTransformationWorkflowV2.machine;
