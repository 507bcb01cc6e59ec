import {
  applyWorkflowEvent,
  initialSnapshot,
  type PersistedWorkflowSnapshot,
  type WorkflowEvaluation,
  type WorkflowEventInput,
} from '../../../workflows';

export const AT = '2026-03-02T02:00:00Z';

/** Applies events that must all be accepted; a refusal fails the test with the machine's reasons. */
export function drive(
  type: string,
  version: number,
  events: readonly WorkflowEventInput[],
  from: PersistedWorkflowSnapshot = initialSnapshot(type, version),
): PersistedWorkflowSnapshot {
  return events.reduce((snapshot, event) => {
    const result = applyWorkflowEvent(type, version, snapshot, event);
    if (!result.accepted) throw new Error(`${event.type} refused: ${result.reasons.map((r) => r.code).join(', ')}`);
    return result.snapshot;
  }, from);
}

export function refusal(result: WorkflowEvaluation): string[] {
  if (result.accepted) throw new Error(`expected a refusal, but moved to ${result.state}`);
  return result.reasons.map((r) => r.code);
}
