/**
 * npm run db:copy -- --to <mongodb uri> [--from <uri>] [--dry-run] [--replace] [--allow-standalone] [--verify-only]
 *
 * Copies an installation into another database (the embedded one on DATA_DIR when --from is not given) and
 * verifies it; exit code 0 only when everything matches. See the README, "Moving to MongoDB".
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { copyDatabase, CopyRefusedError, formatVerification, startEmbeddedSource, verifyCopy, type EmbeddedSourceHandle } from '../src/db-copy';
// The composition root imports every room, so every mongoose model (and the indexes its schema declares) is registered.
import '../src/server';

const USAGE = 'usage: npm run db:copy -- --to <mongodb uri with database> [--from <uri>] [--dry-run] [--replace] [--allow-standalone] [--verify-only] [--batch-size <n>]';
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      'allow-standalone': { type: 'boolean', default: false },
      'verify-only': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
    },
  });
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (!values.to || (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  let embedded: EmbeddedSourceHandle | undefined;
  try {
    if (!values.from) embedded = await startEmbeddedSource(loadConfig(process.env), say);
    const from = values.from ?? embedded!.uri;
    if (values['verify-only']) {
      const verification = await verifyCopy({ from, to: values.to });
      formatVerification(verification).forEach(say);
      return verification.ok ? 0 : 1;
    }
    const report = await copyDatabase({
      from,
      to: values.to,
      replace: values.replace,
      allowStandalone: values['allow-standalone'],
      dryRun: values['dry-run'],
      batchSize,
      log: say,
    });
    if (report.verification) formatVerification(report.verification).forEach(say);
    else say('dry run: nothing was written.');
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof CopyRefusedError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`copy failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
