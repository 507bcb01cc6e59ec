import { Schema, model } from 'mongoose';

const actorSchema = new Schema({ kind: String, userId: String, name: String, role: String }, { _id: false });

/**
 * A closed period, frozen: `_id` = "<period id>#<close number>". Inserted once and never updated; the insert
 * is the lock, so two leaders closing at once produce one close. It holds the values, lineage and gender
 * breakdown as shown at closing and the indicator definitions they were computed with.
 */
const pgiPeriodCloseSchema = new Schema(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true, index: true },
    closeNumber: { type: Number, required: true, min: 1 },
    closedAt: { type: Date, required: true },
    closedBy: { type: actorSchema, required: true },
    definitionsVersion: { type: Number, required: true },
    definitions: { type: Schema.Types.Mixed, required: true },
    view: { type: Schema.Types.Mixed, required: true },
    /** Indicator id → value, for period lists and trends without reading the whole view. */
    summary: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

/** Reopening close n of a period: `_id` equals that close's id, so a close is reopened at most once. */
const pgiPeriodReopenSchema = new Schema(
  {
    _id: { type: String, required: true },
    periodId: { type: String, required: true, index: true },
    closeNumber: { type: Number, required: true, min: 1 },
    reason: { type: String, required: true, maxlength: 2000 },
    reopenedAt: { type: Date, required: true },
    reopenedBy: { type: actorSchema, required: true },
  },
  { versionKey: false },
);

export const PgiPeriodCloseModel = model('PgiPeriodClose', pgiPeriodCloseSchema);
export const PgiPeriodReopenModel = model('PgiPeriodReopen', pgiPeriodReopenSchema);

export const closeId = (periodId: string, closeNumber: number) => `${periodId}#${closeNumber}`;
