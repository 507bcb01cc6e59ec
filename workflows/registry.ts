import { emissionsReductionWorkflowV1 } from './emissions-reduction-v1.machine';
import { emissionsReductionWorkflowV2 } from './emissions-reduction-v2.machine';
import { eprWorkflowV1 } from './epr-v1.machine';
import { eprWorkflowV2 } from './epr-v2.machine';
import { greenTransformationWorkflowV1 } from './green-transformation-v1.machine';
import { greenTransformationWorkflowV2 } from './green-transformation-v2.machine';
import type { WorkflowDefinition } from './one-stop-lifecycle';
import { renewableEnergyWorkflowV1 } from './renewable-energy-v1.machine';
import { renewableEnergyWorkflowV2 } from './renewable-energy-v2.machine';
import { renewableEnergyWorkflowV3 } from './renewable-energy-v3.machine';
import { WORKFLOW_TYPES, type WorkflowType } from './workflow-types';

/**
 * Every version ever published stays here, because a dossier is restored with the version it started
 * under. Publish a change by adding a new `<type>-v<n>.machine.ts`; never edit a published one.
 */
const PUBLISHED: readonly WorkflowDefinition[] = [
  greenTransformationWorkflowV1,
  eprWorkflowV1,
  renewableEnergyWorkflowV1,
  renewableEnergyWorkflowV2,
  emissionsReductionWorkflowV1,
  // Decree 118/2025 one-stop rules (clock from acceptance, declaration, refusal at intake, one supplementation, result returned).
  greenTransformationWorkflowV2,
  eprWorkflowV2,
  renewableEnergyWorkflowV3,
  emissionsReductionWorkflowV2,
];

export class UnknownWorkflowError extends Error {
  constructor(
    readonly workflowType: string,
    readonly version: number | undefined,
  ) {
    super(`No published workflow ${workflowType}${version === undefined ? '' : ` version ${version}`}`);
    this.name = 'UnknownWorkflowError';
  }
}

export function isWorkflowType(value: string): value is WorkflowType {
  return (WORKFLOW_TYPES as readonly string[]).includes(value);
}

/** The version asked for, or the latest when none is given (new dossiers start under the latest). */
export function getWorkflow(type: string, version?: number): WorkflowDefinition {
  const wanted = version ?? (isWorkflowType(type) ? latestVersion(type) : undefined);
  const found = PUBLISHED.find((w) => w.type === type && w.version === wanted);
  if (!found) throw new UnknownWorkflowError(type, version);
  return found;
}

export function latestVersion(type: WorkflowType): number {
  const versions = PUBLISHED.filter((w) => w.type === type).map((w) => w.version);
  if (versions.length === 0) throw new UnknownWorkflowError(type, undefined);
  return Math.max(...versions);
}

export interface WorkflowSummary {
  type: WorkflowType;
  version: number;
  id: string;
  latest: boolean;
  consultationAgencies: readonly string[];
}

export function listWorkflows(): WorkflowSummary[] {
  return PUBLISHED.map((w) => ({
    type: w.type,
    version: w.version,
    id: w.id,
    latest: w.version === latestVersion(w.type),
    consultationAgencies: w.consultationAgencies,
  }));
}
