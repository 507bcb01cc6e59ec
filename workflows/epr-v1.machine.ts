import { buildOneStopWorkflow } from './one-stop-lifecycle';
import { eprFactsSchema, eprSubmissionProblems } from './readiness/epr.readiness';

/** EPR declaration / recycling-plan dossier (LEP 2020 Arts 54–55; Decree 08/2022 as amended by 05/2025). */
export const id = 'epr';
export const version = 1;
export const eprWorkflowV1 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: eprFactsSchema,
  submissionProblems: eprSubmissionProblems,
});
export const machine = eprWorkflowV1.machine;
