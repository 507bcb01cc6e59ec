import { dvcqgMappingFor, dvcqgStatusOfStep, type DvcqgStatus } from '../../workflows/dvcqg-status';
import type { WorkflowEventType, WorkflowState } from '../../workflows/workflow-types';

/** Whether a logged event is a progress step the portal hears of (the event path asks it before the log exists). */
export function reportsNationally(type: string, version: number, event: string, to: string, nationalCode: string | undefined): boolean {
  return Boolean(nationalCode) && statusOf(type, version, event, to) !== undefined;
}

export function statusOf(type: string, version: number, event: string, to: string): DvcqgStatus | undefined {
  const mapping = dvcqgMappingFor(type, version);
  if (!(event in mapping.events) || !(to in mapping.states)) return undefined; // ASSIGN, data edits: not steps
  return dvcqgStatusOfStep(mapping, event as WorkflowEventType, to as WorkflowState);
}

/**
 * The receipt reports "received" (2) whatever the mapping says of it (a submission under the older versions maps
 * to 1). After it the portal never goes back to "registered" or "received": a dossier resubmitted after
 * supplementation, and accepted again, is being processed (4).
 */
export function portalStatus(mapped: DvcqgStatus, receipt: boolean): DvcqgStatus {
  if (receipt) return mapped < 2 ? 2 : mapped;
  return mapped === 1 || mapped === 2 ? 4 : mapped;
}
