import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import type { PersistedWorkflowSnapshot } from '../../workflows/evaluate';
import { DOSSIER_TYPES } from './dossier-types';
import { WORKFLOW_TYPES, type WorkflowState, type WorkflowType } from '../../workflows/workflow-types';

/** Statutory dates as of the last applied event; derived from the log, cached for queues and lookups. */
const deadlinesSchema = new Schema(
  {
    // Decree 118 versions (dossier-clock.ts): the limit runs from acceptance; the completeness check before it.
    clockStartsAt: { type: String, enum: ['acceptance'] },
    intake: { type: new Schema({ startedAt: Date, limitWorkingDays: Number, dueAt: Date, warningAt: Date }, { _id: false }), default: undefined },
    supplementationRequests: Number,
    receivedAt: Date,
    limitWorkingDays: Number,
    clockMode: { type: String, enum: ['restart', 'pause'] },
    supplementations: [{ _id: false, requestedAt: Date, resubmittedAt: Date }],
    originalDueAt: Date,
    currentDueAt: Date,
    warningAt: Date,
    overdue: { type: Boolean, default: false },
    apologyNote: String,
    rescheduledTo: String,
  },
  { _id: false },
);

/**
 * A dossier (hồ sơ). The document is a cache of its event log (DossierEvent): `sequence` is the last entry
 * applied, and snapshot/state/deadlines are copied from that entry. Type-specific input lives in `data`,
 * shaped by a discriminator per application type.
 */
const applicationSchema = new Schema(
  {
    /** The reference given at creation (HP-EPR-2026-000009); it keeps resolving after the national code exists. */
    code: { type: String, required: true, unique: true },
    /** The national dossier code given at receipt (`<agency>-YYMMDD-XXXX`, Circular 01/2018/TT-VPCP Art. 19). */
    nationalCode: String,
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true, index: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    industrialComplexCode: String,
    title: { type: String, required: true, trim: true, maxlength: 300 },
    workflow: { id: { type: String, required: true }, version: { type: Number, required: true } },
    snapshot: { type: Schema.Types.Mixed, required: true },
    state: { type: String, required: true, index: true },
    sequence: { type: Number, required: true, default: 0 },
    lastHash: { type: String, required: true },
    results: { type: Schema.Types.Mixed, default: {} },
    deadlines: { type: deadlinesSchema, default: {} },
    assigneeId: { type: Schema.Types.ObjectId, ref: 'User' },
    submittedAt: Date,
    decidedAt: Date,
  },
  { timestamps: true, discriminatorKey: 'type', minimize: false },
);
applicationSchema.path('type', { type: String, enum: WORKFLOW_TYPES, required: true });

export type Application = InferSchemaType<typeof applicationSchema> & { type: string; data: Record<string, unknown> };

/** A dossier as read with .lean(): what services work with. */
export interface ApplicationRecord {
  _id: Types.ObjectId;
  code: string;
  nationalCode?: string;
  type: WorkflowType;
  organizationId: Types.ObjectId;
  createdBy: Types.ObjectId;
  industrialComplexCode?: string;
  title: string;
  data: Record<string, unknown>;
  workflow: { id: string; version: number };
  snapshot: PersistedWorkflowSnapshot;
  state: WorkflowState;
  sequence: number;
  lastHash: string;
  results: Record<string, unknown>;
  deadlines: Record<string, unknown>;
  assigneeId?: Types.ObjectId;
  submittedAt?: Date;
  decidedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}
export const ApplicationModel = model('Application', applicationSchema);

/** One discriminator per application type: its `data` must satisfy that type's schema. */
for (const [type, definition] of Object.entries(DOSSIER_TYPES)) {
  const dataSchema = new Schema(
    {
      data: {
        type: Schema.Types.Mixed,
        default: {},
        validate: {
          validator: (value: unknown) => definition.dataSchema.safeParse(value).success,
          message: `data does not fit the ${type} schema`,
        },
      },
    },
    { _id: false },
  );
  ApplicationModel.discriminator(type, dataSchema, type);
}
