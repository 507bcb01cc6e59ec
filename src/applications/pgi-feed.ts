import type { WorkflowState } from '../../workflows/workflow-types';

/**
 * Which log entries feed the Provincial Green Index (src/pgi): submissions, and every transition into an end
 * of processing. The outbox asks the projector for exactly these, and the recompute reads exactly these, so
 * the two can never count different entries.
 */
export const PGI_EVENT_TYPES: readonly string[] = ['SUBMIT'];
export const PGI_END_STATES: readonly WorkflowState[] = ['approved', 'rejected', 'revoked', 'expired'];

export function feedsPgi(entry: { eventType: string; from: string; to: string }): boolean {
  return PGI_EVENT_TYPES.includes(entry.eventType) || (entry.to !== entry.from && (PGI_END_STATES as readonly string[]).includes(entry.to));
}
