import type { AnyStateNode } from 'xstate';
import { DVCQG_STATUSES, dvcqgMappingFor, dvcqgStatusOfStep } from '../../../workflows/dvcqg-status';
import { getWorkflow, listWorkflows } from '../../../workflows/registry';
import { WORKFLOW_EVENT_TYPES, WORKFLOW_STATES, type WorkflowEventType, type WorkflowState } from '../../../workflows/workflow-types';

const allNodes = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap(allNodes)];

/** Every top-level state and every transition (event, the top-level state it leads to) of a published machine. */
function shapeOf(type: string, version: number) {
  const { machine } = getWorkflow(type, version);
  const nodes = allNodes(machine.root).slice(1);
  const states = new Set(nodes.map((node) => node.path[0]!));
  const transitions = nodes.flatMap((node) =>
    [...node.transitions.values()].flat().filter((t) => !t.eventType.startsWith('xstate.')).map((t) => ({ event: t.eventType, from: node.path[0]!, to: t.target?.[0]?.path[0] ?? node.path[0]! })),
  );
  return { states, transitions };
}

describe('the DVCQG status mapping', () => {
  it.each(listWorkflows().map((w) => [w.id, w] as const))('when %s runs, then each of its states and events has a national status or a stated reason for none', (_id, w) => {
    const mapping = dvcqgMappingFor(w.type, w.version);
    const { states, transitions } = shapeOf(w.type, w.version);
    for (const state of states) {
      expect(WORKFLOW_STATES).toContain(state);
      expect(mapping.states[state as WorkflowState]).toBeDefined();
    }
    for (const { event, to } of transitions) {
      expect(WORKFLOW_EVENT_TYPES).toContain(event);
      const rule = mapping.events[event as WorkflowEventType];
      expect(rule).toBeDefined();
      // An event that reports its target's status must lead somewhere the portal knows, unless it leaves the dossier's processing.
      if (rule === 'target') {
        const status = dvcqgStatusOfStep(mapping, event as WorkflowEventType, to as WorkflowState);
        expect({ event, to, status }).toEqual({ event, to, status: expect.any(Number) });
      }
    }
  });

  it('when a code is used, then it is one of the national list', () => {
    const mapping = dvcqgMappingFor('epr', 2);
    const used = [...Object.values(mapping.states), ...Object.values(mapping.events)].flatMap((rule) => (typeof rule === 'object' && 'status' in rule ? [rule.status] : []));
    for (const code of used) expect(Object.keys(DVCQG_STATUSES)).toContain(String(code));
  });

  it('when the steps of a Decree 118 dossier are reported, then they read registered, received, processing, processed, result returned', () => {
    const mapping = dvcqgMappingFor('epr', 2);
    expect([
      dvcqgStatusOfStep(mapping, 'SUBMIT', 'submitted'),
      dvcqgStatusOfStep(mapping, 'ACCEPT', 'technical_review'),
      dvcqgStatusOfStep(mapping, 'RECOMMEND', 'awaiting_decision'),
      dvcqgStatusOfStep(mapping, 'APPROVE', 'approved'),
      dvcqgStatusOfStep(mapping, 'RETURN_RESULT', 'approved'),
    ]).toEqual([1, 2, 4, 9, 10]);
    expect(dvcqgStatusOfStep(mapping, 'REFUSE_INTAKE', 'refused_at_intake')).toBe(3);
    expect(dvcqgStatusOfStep(mapping, 'DEADLINE_WARNING', 'technical_review')).toBeUndefined();
  });
});
