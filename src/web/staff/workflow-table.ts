import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { dvcqgMappingFor, dvcqgStatusOfStep, getWorkflow, GUARD_DESCRIPTIONS, listWorkflows, type GuardName } from '../../../workflows';
import type { WorkflowEventType, WorkflowState } from '../../../workflows/workflow-types';

export interface TransitionRow {
  from: string;
  event: string;
  guard: string;
  guardDescription?: string;
  to?: string;
  /** The national portal's status this step reports (src: workflows/dvcqg-status.ts), if any. */
  dvcqg?: number;
}

const allNodes = (node: AnyStateNode): AnyStateNode[] => [node, ...Object.values(node.states).flatMap(allNodes)];

function guardName(t: AnyTransitionDefinition): string {
  const guard: unknown = t.guard;
  if (typeof guard === 'string') return guard;
  if (guard && typeof guard === 'object' && 'type' in guard) return String((guard as { type: string }).type);
  return '';
}

/**
 * Each published machine with its Mermaid text and its states and transitions, read from the definition itself.
 * Published machines never change while the process runs, so it is read once (the review page asks per request).
 */
export function workflowOverview() {
  overview ??= readOverview();
  return overview;
}

let overview: ReturnType<typeof readOverview> | undefined;

function readOverview() {
  return listWorkflows().map((summary) => {
    const { machine } = getWorkflow(summary.type, summary.version);
    const mapping = dvcqgMappingFor(summary.type, summary.version);
    const nodes = allNodes(machine.root).slice(1);
    const transitions: TransitionRow[] = nodes.flatMap((node) =>
      [...node.transitions.values()].flat().map((t) => {
        const guard = guardName(t);
        const target = t.target?.[0];
        return {
          from: node.path.join('.'),
          event: t.eventType.startsWith('xstate.done.state.') ? '(all regions done)' : t.eventType,
          guard,
          guardDescription: guard ? GUARD_DESCRIPTIONS[guard as GuardName] : undefined,
          to: target ? target.path.join('.') : undefined,
          dvcqg: t.eventType.startsWith('xstate.') ? undefined : dvcqgStatusOfStep(mapping, t.eventType as WorkflowEventType, (target ?? node).path[0] as WorkflowState),
        };
      }),
    );
    return {
      ...summary,
      initial: String(machine.config.initial ?? 'draft'),
      states: nodes.filter((n) => n.path.length === 1).map((n) => {
        const national = mapping.states[n.key as WorkflowState];
        return { key: n.key, final: n.type === 'final', dvcqg: national && 'status' in national ? national.status : undefined };
      }),
      dvcqgMappingVersion: mapping.version,
      transitions,
    };
  });
}
