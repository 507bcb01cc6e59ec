import type { Logger } from '../logging/logger';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './embedded-ferretdb';

export interface SupervisedFerretDb {
  /** mongodb://127.0.0.1:<port>/ without a database name; the same across restarts. */
  readonly uri: string;
  readonly port: number;
  readonly dataDir: string;
  /** False from the child's exit until its replacement answers ping: requests can be refused at once. */
  isUp(): boolean;
  /** The running child's process id (fault tests kill it). */
  pid(): number | undefined;
  /** Stops supervising, then stops the child. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  dataDir: string;
  /** 0 picks a free port once; every restart reuses the port the first start got. */
  port: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** First wait before a restart after a crash of a child that had not yet run `stableMs`; doubles each time. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** A child that ran this long counts as healthy: the next crash restarts it at once again. */
  stableMs?: number;
}

/**
 * Runs the embedded FerretDB and restarts it on the same data folder and port whenever it exits unasked
 * (a crash, an OOM kill, kill -9), so the app recovers without a restart of its own. A child that keeps
 * crashing is restarted with a doubling pause, so a broken data folder does not spin the CPU.
 */
export async function superviseEmbeddedFerretDb(options: SuperviseOptions): Promise<SupervisedFerretDb> {
  const { logger, dataDir } = options;
  const firstBackoffMs = options.firstBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const stableMs = options.stableMs ?? 30_000;
  const log = (message: string) => logger.info(message);

  let current: EmbeddedFerretDb = await startEmbeddedFerretDb({ dataDir, port: options.port, log });
  const port = current.port;
  let startedAt = Date.now();
  let up = true;
  let stopping = false;
  let crashesInARow = 0;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  const watch = (child: EmbeddedFerretDb) => {
    void child.exited.then(({ code, signal }) => {
      if (stopping || child !== current) return;
      up = false;
      const ranMs = Date.now() - startedAt;
      crashesInARow = ranMs >= stableMs ? 1 : crashesInARow + 1;
      const delayMs = crashesInARow === 1 ? 0 : Math.min(maxBackoffMs, firstBackoffMs * 2 ** (crashesInARow - 2));
      logger.error({ pid: child.pid, code, signal, ranMs, port, crashesInARow, restartInMs: delayMs }, 'embedded database exited; restarting it');
      scheduleRestart(delayMs);
    });
  };

  const scheduleRestart = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      restarting = restart().finally(() => (restarting = undefined));
    }, delayMs);
  };

  const restart = async () => {
    const began = Date.now();
    try {
      const next = await startEmbeddedFerretDb({ dataDir, port, log });
      if (stopping) {
        await next.stop();
        return;
      }
      current = next;
      startedAt = Date.now();
      up = true;
      watch(next);
      logger.warn({ pid: next.pid, port, ms: Date.now() - began }, 'embedded database restarted');
    } catch (error) {
      if (stopping) return;
      // The port may still be held for a moment, or the data folder is broken: try again, more slowly.
      crashesInARow++;
      const delayMs = Math.min(maxBackoffMs, firstBackoffMs * 2 ** (crashesInARow - 1));
      logger.error({ err: error, port, crashesInARow, restartInMs: delayMs }, 'embedded database failed to restart');
      scheduleRestart(delayMs);
    }
  };

  watch(current);
  logger.info({ pid: current.pid, port, dataDir: current.dataDir }, 'embedded FerretDB (SQLite) started');

  return {
    uri: current.uri,
    port,
    dataDir: current.dataDir,
    isUp: () => up,
    pid: () => (up ? current.pid : undefined),
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await restarting;
      await current.stop();
    },
  };
}
