import fc from 'fast-check';
import {
  applyWorkflowEvent,
  getWorkflow,
  initialSnapshot,
  listWorkflows,
  WORKFLOW_STATES,
  type WorkflowEventInput,
} from '../../../workflows';
import { sampleEvents } from './sample-events';

const instant = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

describe.each(listWorkflows())('random event sequences for $id', ({ type, version }) => {
  const workflow = getWorkflow(type, version);
  const declared = Object.keys(workflow.machine.root.states);
  const samples = sampleEvents(type, workflow.consultationAgencies);
  const event = fc.tuple(fc.constantFrom(...samples), instant).map(([e, at]): WorkflowEventInput => ({ ...e, at }));

  it('when any sequence of events is applied, then nothing throws, states stay declared and replay is deterministic', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let snapshot = initialSnapshot(type, version);
        const acceptedEvents: unknown[] = [];
        for (const e of events) {
          const result = applyWorkflowEvent(type, version, snapshot, e);
          expect(WORKFLOW_STATES).toContain(result.state);
          expect(declared).toContain(result.state);
          if (result.accepted) {
            acceptedEvents.push(result.event);
            snapshot = result.snapshot;
          } else {
            expect(result.reasons.length).toBeGreaterThan(0);
          }
        }
        const replayed = acceptedEvents.reduce<typeof snapshot>((s, e) => {
          const result = applyWorkflowEvent(type, version, s, e);
          if (!result.accepted) throw new Error(`replay refused ${JSON.stringify(e)}`);
          return result.snapshot;
        }, initialSnapshot(type, version));
        expect(replayed).toEqual(snapshot);
      }),
      { numRuns: 150 },
    );
  });
});
