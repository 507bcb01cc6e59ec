import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorkflows, workflowDiagram, workflowDocument, workflowDocumentPath } from '../../../workflows';

const ROOT = join(__dirname, '..', '..', '..');

describe('workflow diagrams', () => {
  it.each(listWorkflows())('when $id is regenerated in memory, then the committed document matches', ({ type, version }) => {
    const path = workflowDocumentPath(type, version);
    let committed = '';
    try {
      committed = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      // a missing file is reported as stale below
    }
    if (committed !== workflowDocument(type, version)) {
      throw new Error(`${path} is stale or missing: run \`npx tsx scripts/generate-workflow-diagrams.ts\` and commit it`);
    }
  });

  it('when a diagram is drawn, then it is a Mermaid state diagram with every top-level state', () => {
    const diagram = workflowDiagram('green_transformation', 1);
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const state of ['draft', 'consultation', 'technical_review', 'awaiting_decision', 'revoked', 'expired']) {
      expect(diagram).toContain(state);
    }
    expect(diagram).toContain('consultation --> technical_review : all regions done');
    expect(diagram).toContain('RECORD_OPINION [opinionFrom(mae)]');
  });

  it('when a machine has no consultation, then its diagram has no consultation state', () => {
    expect(workflowDiagram('epr', 1)).not.toContain('consultation');
  });
});
