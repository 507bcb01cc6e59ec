import { Schema, model, trusted } from 'mongoose';

/**
 * One marker per log entry whose outbox is not delivered yet: inserted before the entry, removed once every
 * message of it is delivered. The sweep follows these few markers instead of reading every entry in history.
 */
const outboxPendingSchema = new Schema({ _id: String, entryId: String, at: Date }, { versionKey: false, collection: 'outbox_pending' });
// MongoDB: clearing an entry's markers; FerretDB scans, but the collection holds only undelivered entries.
outboxPendingSchema.index({ entryId: 1 });
const OutboxPendingModel = model('OutboxPending', outboxPendingSchema);

/** Markers younger than this may belong to an entry still being inserted: a sweep does not drop them. */
export const OUTBOX_MARKER_IN_FLIGHT_MS = 60_000;

export async function markOutboxPending(entryId: string): Promise<string> {
  const _id = `${entryId}:${Math.random().toString(36).slice(2, 10)}`;
  await OutboxPendingModel.create({ _id, entryId, at: new Date() });
  return _id;
}

/** For a writer whose entry lost the race: its marker points at nothing. */
export function dropOutboxMarker(markerId: string): void {
  OutboxPendingModel.deleteOne({ _id: markerId }).catch(() => undefined);
}

/** Every marker: the entries whose outbox is not (known to be) delivered. */
export const pendingOutboxMarkers = () => OutboxPendingModel.find({}, { entryId: 1, at: 1 }).lean<{ _id: string; entryId?: string; at?: Date }[]>();

export async function removeOutboxMarkers(ids: string[]): Promise<void> {
  if (ids.length > 0) await OutboxPendingModel.deleteMany({ _id: trusted({ $in: ids }) });
}

/** Once every message of the entry is delivered. */
export async function clearOutboxMarkers(entryId: string): Promise<void> {
  await OutboxPendingModel.deleteMany({ entryId });
}
