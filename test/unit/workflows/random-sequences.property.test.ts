import fc from 'fast-check';
import {
  allowedEvents,
  applyWorkflowEvent,
  getWorkflow,
  initialSnapshot,
  listWorkflows,
  WORKFLOW_STATES,
  type PersistedWorkflowSnapshot,
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
  // Mostly pick an event type currently offered, then a sample of it (so sequences reach deep states);
  // sometimes any sample at all (so refusals are exercised everywhere). Guided picks skip WITHDRAW, which
  // would otherwise end most sequences early. The choice is interpreted against the live state.
  const pick = fc.noBias(fc.integer({ min: 0, max: 9999 }));
  const step = fc.record({ typePick: pick, samplePick: pick, guided: pick.map((n) => n % 10 < 8), at: instant });
  type Step = { typePick: number; samplePick: number; guided: boolean; at: string };
  const choose = (snapshot: PersistedWorkflowSnapshot, { typePick, samplePick, guided, at }: Step) => {
    const offered = allowedEvents(type, version, snapshot).filter((t) => t !== 'WITHDRAW');
    const ofType = samples.filter((e) => e.type === offered[typePick % Math.max(offered.length, 1)]);
    const pool = guided && ofType.length > 0 ? ofType : samples;
    return { ...pool[samplePick % pool.length], at } as WorkflowEventInput;
  };

  const reached = new Set<string>();

  it('when any sequence of events is applied, then nothing throws, states stay declared and replay is deterministic', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60, size: 'max' }), (steps) => {
        let snapshot = initialSnapshot(type, version);
        const visited = new Set<string>();
        const acceptedEvents: unknown[] = [];
        for (const s of steps) {
          const e = choose(snapshot, s);
          const result = applyWorkflowEvent(type, version, snapshot, e);
          expect(WORKFLOW_STATES).toContain(result.state);
          expect(declared).toContain(result.state);
          visited.add(result.state);
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
        visited.forEach((state) => reached.add(state));
      }),
      // The Decree 118 versions add exits (refusal at intake, one supplementation): longer and more sequences keep
      // the decision reachable for the generator guard below.
      { numRuns: 300 },
    );
    // Guards the generator itself: random sequences that never leave the draft would prove little.
    expect(reached).toContain('awaiting_decision');
  });
});
