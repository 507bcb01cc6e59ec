import { buildOneStopWorkflow } from './one-stop-lifecycle';
import {
  greenTransformationFactsSchema,
  greenTransformationSubmissionProblems,
} from './readiness/green-transformation.readiness';

/**
 * Eco-industrial-park / eco-enterprise certification (Decree 35/2022 Arts 37, 40). After acceptance the
 * dossier goes out for opinions in parallel, each agency with its own deadline, before the appraisal.
 * Agencies: Ministry of Agriculture and Environment (formerly MONRE / DONRE), science and technology,
 * construction, and the industrial-park management board.
 */
export const id = 'green_transformation';
export const version = 1;
export const GREEN_TRANSFORMATION_CONSULTED_AGENCIES = ['mae', 'dost', 'doc', 'ip_board'] as const;
export const greenTransformationWorkflowV1 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: greenTransformationFactsSchema,
  submissionProblems: greenTransformationSubmissionProblems,
  consultationAgencies: GREEN_TRANSFORMATION_CONSULTED_AGENCIES,
});
export const machine = greenTransformationWorkflowV1.machine;
