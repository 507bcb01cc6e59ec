import { getNextTransitions, initialTransition, transition, type AnyTransitionDefinition, type StateValue } from 'xstate';
import type { WorkflowContext } from './one-stop-context';
import type { GuardParams, GuardRules } from './one-stop-guards';
import type { OneStopMachine, WorkflowDefinition } from './one-stop-lifecycle';
import { problem, uniqueProblems, type Problem } from './problem';
import { getWorkflow } from './registry';
import { STATE_LABELS } from './state-labels';
import type { WorkflowEvent } from './workflow-events.schema';
import { WORKFLOW_EVENT_TYPES, WORKFLOW_STATES, type WorkflowEventType, type WorkflowState } from './workflow-types';

/**
 * The pure evaluation API the service's one event path calls: restore a persisted snapshot with the version
 * the dossier started under, compute the next one with XState's `transition()`, and when nothing would
 * change, say why in both languages. No I/O and no clock: the caller stores the result.
 */
export interface PersistedWorkflowSnapshot {
  status: 'active' | 'done';
  value: StateValue;
  context: WorkflowContext;
}

export type WorkflowEvaluation =
  | {
      accepted: true;
      /** The validated event (defaults applied, unknown fields dropped): what the event log should store. */
      event: WorkflowEvent;
      from: WorkflowState;
      state: WorkflowState;
      stateValue: StateValue;
      context: WorkflowContext;
      snapshot: PersistedWorkflowSnapshot;
    }
  | { accepted: false; state: WorkflowState; reasons: Problem[] };

type MachineSnapshot = ReturnType<OneStopMachine['resolveState']>;

export class WorkflowSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowSnapshotError';
  }
}

export function initialSnapshot(type: string, version?: number): PersistedWorkflowSnapshot {
  const [snapshot] = initialTransition(getWorkflow(type, version).machine);
  return persist(snapshot);
}

export function applyWorkflowEvent(
  type: string,
  version: number,
  persisted: PersistedWorkflowSnapshot,
  event: unknown,
): WorkflowEvaluation {
  const workflow = getWorkflow(type, version);
  const current = restore(workflow, persisted);
  const from = flatStateName(current.value);
  if (current.status !== 'active') return { accepted: false, state: from, reasons: [closedProblem(from)] };

  const parsed = workflow.eventSchema.safeParse(event);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return problem('invalid_event', `Dữ liệu không hợp lệ: ${issue.message}`, `Invalid event: ${issue.message}`, path || undefined);
    });
    return { accepted: false, state: from, reasons };
  }
  const valid = parsed.data;
  // `can` evaluates the same guards `transition` will; checking it first is how "nothing changed" is told
  // apart from "changed only the context" (deadline events keep the state but are accepted).
  if (!current.can(valid)) return { accepted: false, state: from, reasons: explainRefusal(workflow, current, valid) };

  const [next] = transition(workflow.machine, current, valid);
  const snapshot = persist(next);
  return { accepted: true, event: valid, from, state: flatStateName(next.value), stateValue: snapshot.value, context: snapshot.context, snapshot };
}

/** Event types a button may offer now; guards that depend on the payload (facts, a note) are left to the form. */
export function allowedEvents(type: string, version: number, persisted: PersistedWorkflowSnapshot): WorkflowEventType[] {
  const workflow = getWorkflow(type, version);
  return allowedIn(workflow.guardRules, restore(workflow, persisted));
}

/** The applicant's filing events: where the machine accepts one, the applicant may still change its dossier. */
const FILING_EVENTS: readonly string[] = ['SUBMIT', 'RESUBMIT'];

/**
 * Whether the applicant may edit the dossier's data and documents now: exactly where the machine would
 * accept its (re)submission, guards aside (a draft, or a dossier under supplementation). One definition,
 * read from the machine, for the API, the forms and uploads.
 */
export function isEditable(type: string, version: number, persisted: PersistedWorkflowSnapshot): boolean {
  const snapshot = restore(getWorkflow(type, version), persisted);
  return snapshot.status === 'active' && getNextTransitions(snapshot).some((t) => FILING_EVENTS.includes(t.eventType));
}

export function flatStateName(value: StateValue): WorkflowState {
  const name = typeof value === 'string' ? value : Object.keys(value)[0];
  const state = WORKFLOW_STATES.find((s) => s === name);
  if (state === undefined) throw new WorkflowSnapshotError(`Unknown workflow state ${JSON.stringify(value)}`);
  return state;
}

function persist(snapshot: MachineSnapshot): PersistedWorkflowSnapshot {
  if (snapshot.status !== 'active' && snapshot.status !== 'done') {
    throw new WorkflowSnapshotError(`Machine ${snapshot.machine.id} ended in status ${snapshot.status}`);
  }
  // A JSON round trip guarantees what the database stores is exactly what the next restore reads.
  return JSON.parse(JSON.stringify({ status: snapshot.status, value: snapshot.value, context: snapshot.context }));
}

function restore(workflow: WorkflowDefinition, persisted: PersistedWorkflowSnapshot): MachineSnapshot {
  try {
    return workflow.machine.resolveState({ value: persisted.value, context: persisted.context });
  } catch (error) {
    throw new WorkflowSnapshotError(`Snapshot does not fit ${workflow.id}: ${(error as Error).message}`);
  }
}

function candidatesFor(snapshot: MachineSnapshot, eventType: string): AnyTransitionDefinition[] {
  return getNextTransitions(snapshot).filter((t) => t.eventType === eventType);
}

function guardOf(t: AnyTransitionDefinition): { name: keyof GuardRules; params: GuardParams } | undefined {
  const guard: unknown = t.guard;
  if (typeof guard === 'string') return { name: guard as keyof GuardRules, params: undefined };
  if (guard && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: keyof GuardRules; params?: GuardParams };
    return { name: type, params };
  }
  return undefined;
}

function allowedIn(rules: GuardRules, snapshot: MachineSnapshot): WorkflowEventType[] {
  if (snapshot.status !== 'active') return [];
  return WORKFLOW_EVENT_TYPES.filter((type) =>
    candidatesFor(snapshot, type).some((t) => {
      const guard = guardOf(t);
      if (!guard) return true;
      const rule = rules[guard.name];
      return rule.dependsOn === 'event' || rule.problems(snapshot.context, guard.params).length === 0;
    }),
  );
}

function explainRefusal(workflow: WorkflowDefinition, snapshot: MachineSnapshot, event: WorkflowEvent): Problem[] {
  const state = flatStateName(snapshot.value);
  const candidates = candidatesFor(snapshot, event.type);
  if (candidates.length === 0) return [notAllowedProblem(state, event.type, allowedIn(workflow.guardRules, snapshot))];
  const problems = candidates.flatMap((t) => {
    const guard = guardOf(t);
    if (!guard) return [];
    const rule = workflow.guardRules[guard.name];
    return rule.dependsOn === 'context'
      ? rule.problems(snapshot.context, guard.params)
      : rule.problems(snapshot.context, event, guard.params);
  });
  if (problems.length > 0) return uniqueProblems(problems);
  return [problem('guard_failed', `Không thể thực hiện ${event.type} lúc này.`, `${event.type} cannot be applied now.`)];
}

function notAllowedProblem(state: WorkflowState, eventType: string, allowed: readonly string[]): Problem {
  const label = STATE_LABELS[state];
  const list = allowed.length > 0 ? allowed.join(', ') : '—';
  return problem(
    'event_not_allowed',
    `Không thể thực hiện ${eventType} khi hồ sơ ở trạng thái "${label.vi}" (${state}). Thao tác hợp lệ: ${list}.`,
    `${eventType} is not allowed while the dossier is "${label.en}" (${state}). Allowed now: ${list}.`,
  );
}

function closedProblem(state: WorkflowState): Problem {
  const label = STATE_LABELS[state];
  return problem(
    'dossier_closed',
    `Hồ sơ đã kết thúc ("${label.vi}", ${state}); không nhận thêm thao tác nào.`,
    `The dossier is closed ("${label.en}", ${state}); it accepts no further events.`,
  );
}
