/** The public surface of workflows/: what the service, the API and the scripts may import. */
export * from './evaluate';
export * from './one-stop-context';
export type { GuardName, GuardRule } from './one-stop-guards';
export { GUARD_DESCRIPTIONS } from './one-stop-guards';
export type { OneStopMachine, OneStopRules, WorkflowDefinition } from './one-stop-lifecycle';
export * from './problem';
export * from './readiness/dossier-facts';
export * from './readiness/emissions-reduction.readiness';
export * from './readiness/epr.readiness';
export * from './readiness/green-transformation.readiness';
export * from './readiness/renewable-energy.readiness';
export * from './registry';
export * from './state-labels';
export * from './workflow-diagram';
export * from './workflow-events.schema';
export * from './workflow-types';
export * from './dvcqg-status';
