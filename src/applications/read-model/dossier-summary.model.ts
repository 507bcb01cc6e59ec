import { Schema, model } from 'mongoose';
import type { WorkflowState, WorkflowType } from '../../../workflows/workflow-types';
import type { ReportFacts } from './report-facts';

/**
 * What lists, queues, lookups and statistics need of a dossier (~400 bytes, against ~7 KB for the dossier
 * document with its data and snapshot). Written only by the cache sync, right after the dossier document,
 * from the same log entry; so it is rebuildable from the log like the dossier document itself.
 */
export interface DossierSummary {
  _id: string;
  code: string;
  nationalCode?: string;
  type: WorkflowType;
  title: string;
  organizationId: string;
  industrialComplexCode?: string;
  assigneeId?: string;
  state: WorkflowState;
  /** The log entry this summary reflects: a reader keeps the highest it has seen. */
  sequence: number;
  workflow: { id: string; version: number };
  deadlines: Record<string, unknown>;
  submittedAt?: Date;
  decidedAt?: Date;
  createdAt: Date;
  /** What briefings read (report-facts.ts); absent on summaries written before it was kept (a one-time pass fills it in). */
  report?: ReportFacts;
}

const dossierSummarySchema = new Schema(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    nationalCode: String,
    type: { type: String, required: true },
    title: { type: String, required: true },
    organizationId: { type: String, required: true },
    industrialComplexCode: String,
    assigneeId: String,
    state: { type: String, required: true },
    sequence: { type: Number, required: true },
    workflow: { id: String, version: Number },
    deadlines: { type: Schema.Types.Mixed, default: {} },
    submittedAt: Date,
    decidedAt: Date,
    createdAt: { type: Date, required: true },
    report: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false, collection: 'dossier_summaries' },
);
// The directory loads the whole collection once per process (no filter); these serve MongoDB tools and
// ad-hoc reports by code or organization.
dossierSummarySchema.index({ code: 1 }, { unique: true });
dossierSummarySchema.index({ organizationId: 1, createdAt: -1 });

export const DossierSummaryModel = model('DossierSummary', dossierSummarySchema);
