import { Schema, model, type Types } from 'mongoose';

export const CONFERENCE_STATUSES = ['planned', 'held', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

/**
 * A business dialogue conference (hội nghị đối thoại doanh nghiệp). `scope` is the reporting window of its
 * briefing, as local dates (Asia/Ho_Chi_Minh, both ends included), because that is how the plan states it.
 */
const conferenceSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: 300 },
    date: { type: String, required: true },
    planReference: { type: String, trim: true, maxlength: 100 },
    scope: { from: { type: String, required: true }, to: { type: String, required: true } },
    status: { type: String, enum: CONFERENCE_STATUSES, required: true, default: 'planned' },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

export interface ConferenceRecord {
  _id: Types.ObjectId;
  title: string;
  date: string;
  planReference?: string;
  scope: { from: string; to: string };
  status: ConferenceStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ConferenceModel = model('DialogueConference', conferenceSchema);
