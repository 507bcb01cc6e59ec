import { Schema, model, type InferSchemaType } from 'mongoose';
import { normalizeTaxCode } from './tax-code';

const genderCountsSchema = new Schema(
  { female: { type: Number, min: 0 }, male: { type: Number, min: 0 }, other: { type: Number, min: 0 } },
  { _id: false },
);

/**
 * An enterprise or an industrial-complex operator. Gender fields are optional by design (DOMAIN.md §8):
 * the province lacks gender-disaggregated data, and the PGI indicators disaggregate by them where given.
 */
const organizationSchema = new Schema(
  {
    taxCode: {
      type: String,
      required: true,
      unique: true,
      set: (value: string) => normalizeTaxCode(value) ?? value,
      validate: { validator: (value: string) => normalizeTaxCode(value) === value, message: 'invalid tax code' },
    },
    kind: { type: String, enum: ['enterprise', 'ic_operator'], required: true },
    name: { type: String, required: true, trim: true, maxlength: 300 },
    nameEn: { type: String, trim: true, maxlength: 300 },
    address: { type: String, trim: true, maxlength: 500 },
    district: { type: String, trim: true, maxlength: 100 },
    sectorVsic: { type: String, match: /^[A-U]?\d{2,5}$/ },
    size: { type: String, enum: ['micro', 'small', 'medium', 'large'] },
    contact: {
      name: { type: String, trim: true, maxlength: 200 },
      email: { type: String, trim: true, lowercase: true, maxlength: 254 },
      phone: { type: String, trim: true, maxlength: 30 },
    },
    industrialComplexCode: { type: String },
    leadershipGender: { type: String, enum: ['female', 'male', 'other', 'undisclosed'] },
    employeesByGender: { type: genderCountsSchema },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type Organization = InferSchemaType<typeof organizationSchema>;
export const OrganizationModel = model('Organization', organizationSchema);
