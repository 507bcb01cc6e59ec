import { buildOneStopWorkflow, DECREE_118_RULES } from './one-stop-lifecycle';
import { renewableEnergyFactsSchema, renewableEnergySubmissionProblems } from './readiness/renewable-energy.readiness';
import { RENEWABLE_ENERGY_CONSULTED_AGENCIES } from './renewable-energy-v2.machine';

/** Rooftop-solar registration, version 3: v2's consultation of the power company under the Decree 118/2025 one-stop rules. */
export const id = 'renewable_energy';
export const version = 3;
export const renewableEnergyWorkflowV3 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: renewableEnergyFactsSchema,
  submissionProblems: renewableEnergySubmissionProblems,
  consultationAgencies: RENEWABLE_ENERGY_CONSULTED_AGENCIES,
  rules: DECREE_118_RULES,
});
export const machine = renewableEnergyWorkflowV3.machine;
