import { layoutWorkflow } from '../../../src/web/staff/workflow-layout';
import { workflowOverview } from '../../../src/web/staff/workflow-table';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('workflow diagrams laid out for SVG', () => {
  it.each(workflowOverview().map((w) => [`${w.type} v${w.version}`, w] as const))('%s: every state is a box, boxes do not overlap, every move between states is one arrow inside the picture', (_name, w) => {
    const diagram = layoutWorkflow(w.states, w.transitions, { initial: w.initial });
    expect(diagram.nodes.map((n) => n.id).sort()).toEqual(w.states.map((s) => s.key).sort());
    for (const [i, a] of diagram.nodes.entries()) for (const b of diagram.nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    const moves = new Set(w.transitions.filter((t) => t.to && t.from.split('.')[0] !== t.to.split('.')[0]).map((t) => `${t.from.split('.')[0]}>${t.to!.split('.')[0]}`));
    expect(diagram.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([...moves].sort());
    for (const edge of diagram.edges) {
      expect(edge.path).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/);
      for (const [, x, y] of edge.path.matchAll(/([\d.]+) ([\d.]+)/g)) {
        expect(Number(x)).toBeLessThanOrEqual(diagram.width + 1);
        expect(Number(y)).toBeLessThanOrEqual(diagram.height + 1);
      }
    }
    expect(diagram.nodes.find((n) => n.id === w.initial)?.kind).toBe('initial');
    expect(diagram.nodes.filter((n) => n.kind === 'final').map((n) => n.id)).toEqual(w.states.filter((s) => s.final).map((s) => s.key));
  });

  it('labels an arrow with every event that makes the same move, and names states as told', () => {
    const diagram = layoutWorkflow(
      [{ key: 'a', final: false }, { key: 'b', final: true }],
      [{ from: 'a', event: 'APPROVE', guard: '', to: 'b' }, { from: 'a', event: 'FAST_TRACK', guard: '', to: 'b' }, { from: 'a', event: 'NOTE', guard: '' }],
      { initial: 'a', label: (s) => `state ${s}` },
    );
    expect(diagram.edges).toHaveLength(1);
    expect(diagram.edges[0]!.label).toBe('APPROVE, FAST_TRACK');
    expect(diagram.nodes.map((n) => n.label)).toEqual(['state a', 'state b']);
  });
});
