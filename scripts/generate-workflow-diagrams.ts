/**
 * Writes docs/workflows/<type>.v<version>.md for every published workflow version.
 * Run `npx tsx scripts/generate-workflow-diagrams.ts` after changing a machine; a unit test fails until
 * the committed files match the machines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listWorkflows, workflowDocument, workflowDocumentPath } from '../workflows';

const root = join(__dirname, '..');
for (const { type, version } of listWorkflows()) {
  const file = join(root, workflowDocumentPath(type, version));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, workflowDocument(type, version));
  console.log(`wrote ${workflowDocumentPath(type, version)}`);
}
