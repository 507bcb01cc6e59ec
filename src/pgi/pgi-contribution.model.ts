import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One entry's addition to one indicator: `_id` = "<log entry id>|<indicator id>". It is written once by insert
 * (a duplicate key means it is already projected), never updated, so replaying an entry changes nothing and no
 * racing `$inc` is needed; an indicator's value is the $sum of its contributions over a period.
 * Dossier code, organization and gender are copied in so that lineage and gender need no join ($lookup).
 */
const pgiContributionSchema = new Schema(
  {
    _id: { type: String, required: true },
    entryId: { type: String, required: true },
    indicatorId: { type: String, required: true },
    component: { type: Number, required: true },
    definitionsVersion: { type: Number, required: true },
    dossierId: { type: String, required: true },
    dossierCode: { type: String, required: true },
    dossierType: { type: String, required: true },
    organizationId: { type: String, required: true },
    at: { type: Date, required: true },
    quarter: { type: String, required: true, index: true },
    year: { type: String, required: true, index: true },
    numerator: { type: Number, required: true },
    denominator: { type: Number, required: true, default: 0 },
    /** As recorded by the organization when the entry was projected; 'unrecorded' when it gave none. */
    leadershipGender: { type: String, required: true },
    employeesFemale: { type: Number, default: null },
    employeesMale: { type: Number, default: null },
    employeesOther: { type: Number, default: null },
  },
  { versionKey: false },
);

export type PgiContribution = InferSchemaType<typeof pgiContributionSchema>;
export const PgiContributionModel = model('PgiContribution', pgiContributionSchema);
