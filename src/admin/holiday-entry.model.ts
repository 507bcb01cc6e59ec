import { Schema, model } from 'mongoose';

/**
 * An administrator's calendar entry, keyed by its local date: it replaces the shipped entry of that date,
 * adds a new one, or (with `removed`) hides the shipped one. The shipped table stays the default, so an
 * empty collection means "use what shipped".
 */
const holidayEntrySchema = new Schema(
  {
    _id: { type: String, match: /^\d{4}-\d{2}-\d{2}$/ },
    kind: { type: String, enum: ['holiday', 'day_off', 'makeup_workday'], required: true },
    name_vi: { type: String, trim: true, maxlength: 200, default: '' },
    name_en: { type: String, trim: true, maxlength: 200, default: '' },
    legalBasis: { type: String, trim: true, maxlength: 300, default: '' },
    source: { type: String, trim: true, maxlength: 300, default: '' },
    verified: { type: Boolean, default: false },
    note: { type: String, trim: true, maxlength: 500 },
    removed: { type: Boolean, default: false },
    updatedBy: { type: String },
  },
  { timestamps: true, versionKey: false },
);

export interface HolidayEntryRecord {
  _id: string;
  kind: 'holiday' | 'day_off' | 'makeup_workday';
  name_vi: string;
  name_en: string;
  legalBasis: string;
  source: string;
  verified: boolean;
  note?: string;
  removed: boolean;
  updatedBy?: string;
  updatedAt?: Date;
}

export const HolidayEntryModel = model('HolidayEntry', holidayEntrySchema);
