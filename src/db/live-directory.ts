import { randomUUID } from 'node:crypto';
import { Schema, model, models as mongooseModels, trusted } from 'mongoose';

/**
 * How long change notes are kept; a process that has not polled for longer reloads the whole collection. Short,
 * because a poll decodes every note kept on FerretDB (keying notes by a gapless sequence, read by `_id`, would
 * make a poll cost only the new notes: the next step).
 */
export const NOTE_RETENTION_MS = 10 * 60_000;
/** Notes are re-read this far back, for writers whose clock runs behind ours and writes still in flight. */
const CLOCK_SKEW_MS = 30_000;
const PRUNE_EVERY_MS = 60_000;
/** Documents re-read at once after a poll (findById each: the one query FerretDB serves from an index). */
const READ_BATCH = 32;
/** The key of a note that asks every instance to reload the whole directory. */
const RELOAD_KEY = '*';

/**
 * One note per write of a directory's document, so other instances learn what changed without reading the
 * collection. Keyed by a nonce: a writer that rewrites a document (a race, a repair) always leaves a fresh
 * note after it. Each directory has its own notes collection, holding only the last minutes of its changes:
 * a poll decodes all of it on FerretDB, so one directory's burst (a PGI recompute) must not slow the others.
 */
const liveChangeSchema = new Schema(
  { _id: { type: String, required: true }, key: { type: String, required: true }, version: { type: Number, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
// MongoDB: the poll `{ at: { $gte } }` and the prune `{ at: { $lt } }`.
liveChangeSchema.index({ at: 1 });
const notesModelOf = (directory: string) => model(`LiveChange:${directory}`, liveChangeSchema, `live_changes_${directory.replace(/[^a-z0-9]/gi, '_')}`);

/** Views kept by `derived` per directory; the least recently used goes beyond this. */
const DERIVED_VIEWS_KEPT = 64;

/** A poll that finds more notes than this reloads the whole directory instead of reading each item. */
const RELOAD_ABOVE_NOTES = 2000;

export interface LiveSource<T> {
  /** Names the directory's notes. */
  name: string;
  loadAll(): Promise<T[]>;
  readOne(key: string): Promise<T | null>;
  keyOf(item: T): string;
  /** Grows with every change of one item, so a reader keeps the newest it has seen. */
  versionOf(item: T): number;
  /** Secondary unique keys to find an item by (a readable code). */
  lookups?: Record<string, (item: T) => string | undefined>;
  /** Keys shared by several items, to list them together (a dossier's documents). */
  groups?: Record<string, (item: T) => string>;
}

/**
 * A collection held in memory, the read model behind pages that list or look up. FerretDB serves only `_id`
 * equality from an index and decodes the whole collection for any other filter, so such a page cost what
 * history holds. Here the collection is read once per process, then kept fresh: this process applies its own
 * writes at once (`noteWritten`), other instances' writes arrive through the change notes, polled when a
 * read finds the directory older than `maxStalenessMs`.
 */
export class LiveDirectory<T> {
  private readonly byKey = new Map<string, T>();
  private readonly lookups = new Map<string, Map<string, string>>();
  private readonly groups = new Map<string, Map<string, Set<string>>>();
  /** Changes per group value, and reloads: what a reader caching a view of one group compares (groupStamp). */
  private readonly groupChanges = new Map<string, number>();
  private loads = 0;
  /** Grows with every change of any item: what `derived` compares. */
  private changes = 0;
  private readonly derivedViews = new Map<string, { at: number; value: unknown }>();
  private loaded = false;
  private polledAt = 0;
  private prunedAt = 0;
  private inFlight: Promise<void> | undefined;
  private readonly reloadsSeen = new Set<string>();
  private readonly notes: ReturnType<typeof notesModelOf>;

  constructor(
    private readonly source: LiveSource<T>,
    private readonly options: { maxStalenessMs: number },
  ) {
    this.notes = mongooseModels[`LiveChange:${source.name}`] ? (mongooseModels[`LiveChange:${source.name}`] as ReturnType<typeof notesModelOf>) : notesModelOf(source.name);
    for (const name of Object.keys(source.lookups ?? {})) this.lookups.set(name, new Map());
    for (const name of Object.keys(source.groups ?? {})) this.groups.set(name, new Map());
  }

  /** Brings the directory up to date with the database if it is older than allowed. */
  async fresh(): Promise<this> {
    return this.freshWithin(this.options.maxStalenessMs);
  }

  private async freshWithin(maxStalenessMs: number): Promise<this> {
    if (!this.loaded || Date.now() - this.polledAt > maxStalenessMs) {
      // Concurrent readers share one refresh.
      this.inFlight ??= this.refresh().finally(() => {
        this.inFlight = undefined;
      });
      await this.inFlight;
    }
    return this;
  }

  private async refresh(): Promise<void> {
    const startedAt = Date.now();
    if (!this.loaded || startedAt - this.polledAt > NOTE_RETENTION_MS - CLOCK_SKEW_MS) await this.load();
    else await this.poll();
    this.polledAt = startedAt;
    this.loaded = true;
    if (startedAt - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = startedAt;
      // Any instance may prune; deleting an already deleted note is harmless.
      await this.notes.deleteMany({ at: trusted({ $lt: new Date(startedAt - NOTE_RETENTION_MS) }) }).catch(() => undefined);
    }
  }

  private async load(): Promise<void> {
    const items = await this.source.loadAll();
    this.byKey.clear();
    for (const index of this.lookups.values()) index.clear();
    for (const index of this.groups.values()) index.clear();
    this.groupChanges.clear();
    this.loads++;
    this.changes++;
    for (const item of items) this.apply(item);
  }

  private async poll(): Promise<void> {
    const notes = await this.notes.find({ at: trusted({ $gte: new Date(this.polledAt - CLOCK_SKEW_MS) }) }, { key: 1, version: 1 }).lean();
    if (notes.length > RELOAD_ABOVE_NOTES) return this.load();
    const reloadAsked = notes.some((note) => note.key === RELOAD_KEY && !this.reloadsSeen.has(String(note._id)));
    if (reloadAsked) {
      for (const note of notes) if (note.key === RELOAD_KEY) this.reloadsSeen.add(String(note._id));
      return this.load();
    }
    const behind = [...new Set(notes.filter((note) => this.versionHeld(note.key) < note.version).map((note) => note.key))];
    for (let i = 0; i < behind.length; i += READ_BATCH) {
      const keys = behind.slice(i, i + READ_BATCH);
      const items = await Promise.all(keys.map((key) => this.source.readOne(key)));
      // A note for an item that is gone: it was removed (noteRemoved).
      items.forEach((item, n) => (item ? this.apply(item) : this.forget(keys[n]!)));
    }
  }

  private versionHeld(key: string): number {
    const held = this.byKey.get(key);
    return held ? this.source.versionOf(held) : -1;
  }

  /** Keeps the newer of what it holds and what it is given: writes may arrive out of order. */
  apply(item: T): void {
    const key = this.source.keyOf(item);
    if (this.versionHeld(key) > this.source.versionOf(item)) return;
    this.changes++;
    const held = this.byKey.get(key);
    if (held) this.unindex(key, held);
    this.byKey.set(key, item);
    for (const [name, keyFor] of Object.entries(this.source.lookups ?? {})) {
      const value = keyFor(item);
      if (value !== undefined) this.lookups.get(name)!.set(value, key);
    }
    for (const [name, groupOf] of Object.entries(this.source.groups ?? {})) {
      const index = this.groups.get(name)!;
      const value = groupOf(item);
      index.set(value, (index.get(value) ?? new Set()).add(key));
      this.groupChanged(name, value);
    }
  }

  /** Takes an item's old values out of the lookups and groups (it changed group, or it is gone). */
  private unindex(key: string, held: T): void {
    for (const [name, keyFor] of Object.entries(this.source.lookups ?? {})) {
      const value = keyFor(held);
      if (value !== undefined && this.lookups.get(name)!.get(value) === key) this.lookups.get(name)!.delete(value);
    }
    for (const [name, groupOf] of Object.entries(this.source.groups ?? {})) {
      this.groups.get(name)!.get(groupOf(held))?.delete(key);
      this.groupChanged(name, groupOf(held));
    }
  }

  private groupChanged(group: string, value: string): void {
    const at = `${group}\u0000${value}`;
    this.groupChanges.set(at, (this.groupChanges.get(at) ?? 0) + 1);
  }

  /**
   * Differs whenever an item joins, leaves or changes within the group value (or the directory reloads), so a
   * reader may keep something computed from `inGroup(group, value)` until the stamp moves.
   */
  groupStamp(group: string, value: string): string {
    return `${this.loads}.${this.groupChanges.get(`${group}\u0000${value}`) ?? 0}`;
  }

  private forget(key: string): void {
    const held = this.byKey.get(key);
    if (!held) return;
    this.changes++;
    this.byKey.delete(key);
    this.unindex(key, held);
  }

  /** After this process deleted an item: gone here at once, and from the others at their next poll. */
  async noteRemoved(key: string): Promise<void> {
    const held = this.byKey.get(key);
    this.forget(key);
    const version = held ? this.source.versionOf(held) + 1 : Number.MAX_SAFE_INTEGER;
    await this.notes.create({ _id: `${key}:${version}:${randomUUID()}`, key, version, at: new Date() });
  }

  /** After this process wrote the item: a note for the other instances, and the item applied here at once. */
  async noteWritten(item: T): Promise<void> {
    const key = this.source.keyOf(item);
    const version = this.source.versionOf(item);
    this.apply(item);
    await this.notes.create({ _id: `${key}:${version}:${randomUUID()}`, key, version, at: new Date() });
  }

  /**
   * After a bulk write that left no note per item (a recompute, a backfill): every instance reloads the whole
   * collection at its next poll, this one at once.
   */
  async noteBulkWrite(): Promise<void> {
    const _id = `${RELOAD_KEY}:${randomUUID()}`;
    this.reloadsSeen.add(_id);
    await this.notes.create({ _id, key: RELOAD_KEY, version: 0, at: new Date() });
    await this.load();
  }

  /**
   * Something computed from every item (a sorted order), kept until any item changes: a list page then costs a
   * pass over the kept order, not a sort of the whole directory. `compute` must depend on the items only.
   */
  derived<R>(name: string, compute: (items: IterableIterator<T>) => R): R {
    const kept = this.derivedViews.get(name);
    // Most recently used last, so the oldest goes first when there are too many (a view per filter asked for).
    this.derivedViews.delete(name);
    const value = kept?.at === this.changes ? (kept.value as R) : compute(this.byKey.values());
    this.derivedViews.set(name, { at: this.changes, value });
    if (this.derivedViews.size > DERIVED_VIEWS_KEPT) this.derivedViews.delete(this.derivedViews.keys().next().value!);
    return value;
  }

  /** Grows with every change of any item: a reader keeping its own view compares it (as `derived` does). */
  get version(): number {
    return this.changes;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  find(lookup: string, value: string): T | undefined {
    const key = this.lookups.get(lookup)?.get(value);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** The items sharing a group key, in no particular order. */
  inGroup(group: string, value: string): T[] {
    return [...(this.groups.get(group)?.get(value) ?? [])].flatMap((key) => this.byKey.get(key) ?? []);
  }

  all(): IterableIterator<T> {
    return this.byKey.values();
  }

  get size(): number {
    return this.byKey.size;
  }
}
