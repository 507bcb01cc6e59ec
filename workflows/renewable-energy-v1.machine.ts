import { buildOneStopWorkflow } from './one-stop-lifecycle';
import { renewableEnergyFactsSchema, renewableEnergySubmissionProblems } from './readiness/renewable-energy.readiness';

/**
 * Rooftop-solar registration (Decree 135/2024). Version 1 as first published, without the power-company
 * consultation; dossiers started under it keep running under it.
 */
export const id = 'renewable_energy';
export const version = 1;
export const renewableEnergyWorkflowV1 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: renewableEnergyFactsSchema,
  submissionProblems: renewableEnergySubmissionProblems,
});
export const machine = renewableEnergyWorkflowV1.machine;
