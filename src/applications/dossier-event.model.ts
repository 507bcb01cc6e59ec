import { Schema, model, type InferSchemaType } from 'mongoose';

/** A side effect an accepted event asks for; delivered afterwards, exactly once, keyed by `id`. */
const outboxMessageSchema = new Schema(
  { id: { type: String, required: true }, kind: { type: String, required: true }, payload: { type: Schema.Types.Mixed, default: {} } },
  { _id: false },
);

/**
 * The dossier event log: one document per accepted event, `_id` = "<dossier id>:<sequence>". Inserting it is
 * the lock (a racing writer gets a duplicate key); it is the source of truth and the dossier is its cache.
 * `after` holds everything the dossier caches after this event, so a reader can catch up from one entry.
 */
const dossierEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    dossierId: { type: Schema.Types.ObjectId, required: true, index: true },
    sequence: { type: Number, required: true, min: 1 },
    event: { type: Schema.Types.Mixed, required: true },
    actor: {
      kind: { type: String, enum: ['user', 'system'], required: true },
      userId: String,
      name: String,
      role: { type: String, required: true },
    },
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    comment: { type: String, maxlength: 4000 },
    after: { type: Schema.Types.Mixed, required: true },
    outbox: { type: [outboxMessageSchema], default: [] },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);

export type DossierEvent = InferSchemaType<typeof dossierEventSchema>;
export const DossierEventModel = model('DossierEvent', dossierEventSchema);

export const dossierEventId = (dossierId: string, sequence: number) => `${dossierId}:${String(sequence).padStart(6, '0')}`;
