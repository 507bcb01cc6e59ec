import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import { DossierSummaryChangeModel, DossierSummaryModel, type DossierSummary } from './dossier-summary.model';

/** How long change notes are kept; a process that has not polled for longer reloads every summary. */
export const NOTE_RETENTION_MS = 15 * 60_000;
/** Notes are re-read this far back, for writers whose clock runs behind ours and writes still in flight. */
const CLOCK_SKEW_MS = 30_000;
const PRUNE_EVERY_MS = 60_000;
/** Summaries re-read at once after a poll (findById each: the one query FerretDB serves from an index). */
const READ_BATCH = 32;

/**
 * Every dossier's summary in memory, the read model behind queues, lists, lookups and statistics. FerretDB
 * serves only `_id` equality from an index and decodes the whole collection for any other filter, so a list
 * that filtered the dossier collection cost what history holds. Here the summaries are read once per process
 * (small documents), then kept fresh: this process applies its own writes at once, and other instances'
 * writes arrive through the change notes, polled when a read finds the directory older than `maxStalenessMs`.
 */
export class DossierDirectory {
  private readonly byId = new Map<string, DossierSummary>();
  private readonly idByCode = new Map<string, string>();
  private loaded = false;
  private polledAt = 0;
  private prunedAt = 0;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: { maxStalenessMs: number; clock?: () => number }) {}

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Brings the directory up to date with the database if it is older than allowed. */
  async fresh(): Promise<this> {
    if (!this.loaded || this.now() - this.polledAt > this.options.maxStalenessMs) {
      // Concurrent readers share one refresh.
      this.inFlight ??= this.refresh().finally(() => {
        this.inFlight = undefined;
      });
      await this.inFlight;
    }
    return this;
  }

  private async refresh(): Promise<void> {
    const startedAt = this.now();
    if (!this.loaded || startedAt - this.polledAt > NOTE_RETENTION_MS - CLOCK_SKEW_MS) await this.load();
    else await this.poll();
    this.polledAt = startedAt;
    this.loaded = true;
    if (startedAt - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = startedAt;
      // Any instance may prune; deleting an already deleted note is harmless.
      await DossierSummaryChangeModel.deleteMany({ at: trusted({ $lt: new Date(startedAt - NOTE_RETENTION_MS) }) }).catch(() => undefined);
    }
  }

  private async load(): Promise<void> {
    const rows = await DossierSummaryModel.find({}).lean<DossierSummary[]>();
    this.byId.clear();
    this.idByCode.clear();
    for (const row of rows) this.apply(row);
  }

  private async poll(): Promise<void> {
    const notes = await DossierSummaryChangeModel.find({ at: trusted({ $gte: new Date(this.polledAt - CLOCK_SKEW_MS) }) }, { dossierId: 1, sequence: 1 }).lean();
    const behind = new Set(notes.filter((note) => (this.byId.get(note.dossierId)?.sequence ?? -1) < note.sequence).map((note) => note.dossierId));
    const ids = [...behind];
    for (let i = 0; i < ids.length; i += READ_BATCH) {
      const rows = await Promise.all(ids.slice(i, i + READ_BATCH).map((id) => DossierSummaryModel.findById(id).lean<DossierSummary>()));
      for (const row of rows) if (row) this.apply(row);
    }
  }

  /** Keeps the newer of what it holds and what it is given: writes may arrive out of order. */
  apply(summary: DossierSummary): void {
    const held = this.byId.get(summary._id);
    if (held && held.sequence > summary.sequence) return;
    this.byId.set(summary._id, summary);
    this.idByCode.set(summary.code, summary._id);
  }

  get(id: string): DossierSummary | undefined {
    return this.byId.get(id);
  }

  idOfCode(code: string): string | undefined {
    return this.idByCode.get(code);
  }

  all(): IterableIterator<DossierSummary> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }
}

let directory = new DossierDirectory({ maxStalenessMs: 1000 });

/** The process's directory, up to date within its staleness bound. */
export const dossierDirectory = (): Promise<DossierDirectory> => directory.fresh();

/** For start-up (load before reporting ready) and tests (a bound of 0 makes every read poll). */
export function configureDossierDirectory(options: { maxStalenessMs: number }): DossierDirectory {
  directory = new DossierDirectory(options);
  return directory;
}

/** The one writer of summaries: the cache sync, after it wrote the dossier document from the same entry. */
export async function writeSummary(summary: DossierSummary): Promise<void> {
  await DossierSummaryModel.replaceOne({ _id: summary._id }, summary, { upsert: true });
  await DossierSummaryChangeModel.create({ _id: `${summary._id}:${summary.sequence}:${randomUUID()}`, dossierId: summary._id, sequence: summary.sequence, at: new Date() });
  directory.apply(summary);
}
