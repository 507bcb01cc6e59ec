import type { Verification } from './verify';

/** The verification as a table and a verdict, for the terminal. */
export function formatVerification(verification: Verification): string[] {
  const width = Math.max(10, ...verification.collections.map((c) => c.collection.length));
  const lines = [`${'collection'.padEnd(width)}  ${'source'.padStart(8)}  ${'target'.padStart(8)}  content digest`];
  for (const check of verification.collections) {
    const same = check.sourceDigest === check.targetDigest;
    const digest = same ? `equal (${check.sourceDigest.slice(0, 12)})` : `DIFFERS: ${check.differences.join('; ')}`;
    lines.push(`${check.collection.padEnd(width)}  ${String(check.sourceCount).padStart(8)}  ${String(check.targetCount).padStart(8)}  ${digest}`);
  }
  lines.push(verification.missingIndexes.length === 0 ? 'indexes: every index of the source and the schemas is on the target' : `indexes MISSING: ${verification.missingIndexes.join(', ')}`);
  const { chains } = verification;
  lines.push(`audit chains: ${chains.dossiers} dossiers, ${chains.entries} log entries, ${chains.broken.length === 0 ? 'all intact' : `${chains.broken.length} BROKEN`}`);
  if (verification.extraCollections.length > 0) lines.push(`note: the target also holds collections the source does not: ${verification.extraCollections.join(', ')}`);
  lines.push(verification.ok ? 'RESULT: the target matches the source.' : 'RESULT: the target DIFFERS from the source:');
  for (const problem of verification.problems) lines.push(`  - ${problem}`);
  return lines;
}
