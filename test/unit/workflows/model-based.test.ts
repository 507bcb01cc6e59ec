import { getShortestPaths } from '@xstate/graph';
import {
  allowedEvents,
  applyWorkflowEvent,
  flatStateName,
  getWorkflow,
  initialSnapshot,
  isConsultationComplete,
  listWorkflows,
  WORKFLOW_EVENT_TYPES,
  type PersistedWorkflowSnapshot,
  type WorkflowDefinition,
  type WorkflowEvent,
} from '../../../workflows';
import { sampleEvents } from './sample-events';

type Snapshot = ReturnType<WorkflowDefinition['machine']['resolveState']>;

function persisted(snapshot: Snapshot): PersistedWorkflowSnapshot {
  return JSON.parse(JSON.stringify({ status: snapshot.status, value: snapshot.value, context: snapshot.context }));
}

/** Only what guards read, so the supplementation loop does not make the state space infinite. */
function guardRelevantState(snapshot: Snapshot): string {
  const { context } = snapshot;
  return JSON.stringify({
    value: snapshot.value,
    overdue: context.overdue,
    inspection: context.inspection === null ? 'none' : context.inspection.recordedAt === null ? 'scheduled' : 'recorded',
    consultationComplete: isConsultationComplete(context),
    // Decree 118 versions: whether intake is still open, supplementation requests left, the result returned.
    accepted: context.acceptedAt !== null,
    supplementationsLeft: Math.max(0, 1 + (context.supplementation.allowedExtra ?? 0) - context.supplementation.rounds),
    resultReturned: Boolean(context.resultReturned),
  });
}

describe.each(listWorkflows())('model of $id', ({ type, version }) => {
  const workflow = getWorkflow(type, version);
  const events: WorkflowEvent[] = sampleEvents(type, workflow.consultationAgencies).map((e) =>
    workflow.eventSchema.parse(e),
  );
  const paths = getShortestPaths(workflow.machine, { events, serializeState: guardRelevantState });

  it('when every shortest path is replayed through the evaluation API, then it ends where the machine does', () => {
    for (const path of paths) {
      let snapshot = initialSnapshot(type, version);
      for (const step of path.steps.slice(1)) {
        const result = applyWorkflowEvent(type, version, snapshot, step.event);
        if (!result.accepted) throw new Error(`refused ${step.event.type}: ${JSON.stringify(result.reasons)}`);
        snapshot = result.snapshot;
      }
      expect(snapshot.value).toEqual(path.state.value);
    }
  });

  it('when the machine is explored, then every declared top-level state is reachable', () => {
    const reached = new Set(paths.map((p) => flatStateName(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(workflow.machine.root.states).sort());
  });

  it('when any event type is sent in any reachable state, then it is accepted or refused with a reason', () => {
    for (const path of paths) {
      const snapshot = persisted(path.state);
      const offered = allowedEvents(type, version, snapshot);
      const acceptedTypes = new Set<string>();
      for (const type_ of WORKFLOW_EVENT_TYPES) {
        const candidates = events.filter((e) => e.type === type_);
        const probes = candidates.length > 0 ? candidates : [{ type: type_, at: '2026-03-02T02:00:00Z' }];
        for (const event of probes) {
          const result = applyWorkflowEvent(type, version, snapshot, event);
          if (result.accepted) {
            acceptedTypes.add(event.type);
            continue;
          }
          expect(result.reasons.length).toBeGreaterThan(0);
          for (const reason of result.reasons) {
            expect(reason.code).toMatch(/^[a-z_]+$/);
            expect(reason.message_vi.length).toBeGreaterThan(0);
            expect(reason.message_en.length).toBeGreaterThan(0);
          }
        }
      }
      // The buttons offered are exactly the event types some well-formed event can pass.
      expect([...acceptedTypes].sort()).toEqual([...offered].sort());
    }
  });
});
