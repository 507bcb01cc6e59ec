import { buildOneStopWorkflow, DECREE_118_RULES } from './one-stop-lifecycle';
import { eprFactsSchema, eprSubmissionProblems } from './readiness/epr.readiness';

/**
 * EPR dossier, version 2: the one-stop rules of Decree 118/2025/NĐ-CP (the time limit runs from acceptance
 * of a complete dossier; declaration, refusal at intake, one supplementation request, result returned).
 */
export const id = 'epr';
export const version = 2;
export const eprWorkflowV2 = buildOneStopWorkflow({ type: id, version, factsSchema: eprFactsSchema, submissionProblems: eprSubmissionProblems, rules: DECREE_118_RULES });
export const machine = eprWorkflowV2.machine;
