import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { TransitionRow } from './workflow-table';


// dagre ships a CommonJS build but declares its types as ES modules only: type from the one, run the other.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre.default;
/**
 * A workflow's top-level states and the moves between them as plain geometry, laid out by dagre (layered graph
 * drawing) and drawn as inline SVG by the template: no client script, no CDN, readable when printed. Nested
 * states (a parallel consultation) are drawn as their parent; events that keep the state are left to the table.
 */
export interface DiagramNode {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'initial' | 'final' | 'normal';
  /** The state a dossier is in, when the diagram is drawn for one. */
  current: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
  /** SVG path data through dagre's control points. */
  path: string;
  labelX: number;
  labelY: number;
}

export interface WorkflowDiagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const NODE_HEIGHT = 34;
/** Wide enough for the state names in either language at the template's font size. */
const nodeWidth = (label: string) => Math.max(90, Math.min(240, 14 + label.length * 7));
const round = (n: number) => Math.round(n * 10) / 10;

export function layoutWorkflow(
  states: readonly { key: string; final: boolean }[],
  transitions: readonly TransitionRow[],
  options: { initial: string; label?: (state: string) => string; eventLabel?: (event: string) => string; current?: string } = { initial: 'draft' },
): WorkflowDiagram {
  const label = options.label ?? ((state: string) => state);
  // Arrows read as steps in the page's language ("Yêu cầu bổ sung"), not event names.
  const eventLabel = options.eventLabel ?? ((event: string) => event);
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50, edgesep: 28, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const state of states) {
    graph.setNode(state.key, { width: nodeWidth(label(state.key)), height: NODE_HEIGHT });
  }
  // One arrow per pair of states, labelled with every event that makes that move.
  const moves = new Map<string, { from: string; to: string; events: Set<string> }>();
  for (const t of transitions) {
    const from = t.from.split('.')[0]!;
    const to = t.to?.split('.')[0];
    if (!to || from === to || !graph.hasNode(from) || !graph.hasNode(to)) continue;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, events: new Set<string>() };
    move.events.add(t.event);
    moves.set(key, move);
  }
  for (const move of moves.values()) {
    const text = [...move.events].map(eventLabel).join(', ');
    graph.setEdge(move.from, move.to, { width: text.length * 5.6, height: 12, labelpos: 'c' });
  }
  dagre.layout(graph);

  const nodes: DiagramNode[] = states.map((state) => {
    const n = graph.node(state.key);
    return {
      id: state.key,
      label: label(state.key),
      x: round(n.x - n.width / 2),
      y: round(n.y - n.height / 2),
      width: n.width,
      height: n.height,
      kind: state.key === options.initial ? 'initial' : state.final ? 'final' : 'normal',
      current: state.key === options.current,
    };
  });
  const edges: DiagramEdge[] = [...moves.values()].map((move) => {
    const e = graph.edge(move.from, move.to);
    const points: { x: number; y: number }[] = e.points ?? [];
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
    return { from: move.from, to: move.to, label: [...move.events].map(eventLabel).join(', '), path, labelX: round(e.x ?? 0), labelY: round(e.y ?? 0) };
  });
  const size = graph.graph();
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
