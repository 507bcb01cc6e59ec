import { buildOneStopWorkflow } from './one-stop-lifecycle';
import { renewableEnergyFactsSchema, renewableEnergySubmissionProblems } from './readiness/renewable-energy.readiness';

/**
 * Rooftop-solar registration, version 2: the DOIT consults the power company before registering a system
 * that sells surplus (Decree 135/2024 procedure), so the consultation step is modelled with one agency.
 */
export const id = 'renewable_energy';
export const version = 2;
export const RENEWABLE_ENERGY_CONSULTED_AGENCIES = ['power_company'] as const;
export const renewableEnergyWorkflowV2 = buildOneStopWorkflow({
  type: id,
  version,
  factsSchema: renewableEnergyFactsSchema,
  submissionProblems: renewableEnergySubmissionProblems,
  consultationAgencies: RENEWABLE_ENERGY_CONSULTED_AGENCIES,
});
export const machine = renewableEnergyWorkflowV2.machine;
