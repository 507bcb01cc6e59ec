import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * An industrial complex (cụm công nghiệp, managed by the DOIT) or an industrial park (khu công nghiệp,
 * managed by the IP board) that dossiers may refer to. `demo` marks invented names and figures.
 */
const industrialComplexSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, match: /^[A-Z0-9-]{3,30}$/ },
    kind: { type: String, enum: ['cluster', 'park'], required: true, default: 'cluster' },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    nameEn: { type: String, trim: true, maxlength: 200 },
    district: { type: String, required: true, trim: true, maxlength: 100 },
    areaHa: { type: Number, required: true, min: 0 },
    occupancyPercent: { type: Number, min: 0, max: 100 },
    operatorName: { type: String, trim: true, maxlength: 200 },
    operatorOrganizationId: { type: Schema.Types.ObjectId, ref: 'Organization' },
    status: { type: String, enum: ['planned', 'operating'], required: true },
    establishedYear: { type: Number, min: 1990, max: 2100 },
    ecoIndustrialPark: {
      status: { type: String, enum: ['none', 'pilot', 'candidate', 'certified'], default: 'none' },
      note: { type: String, maxlength: 500 },
    },
    source: { type: String, maxlength: 300 },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type IndustrialComplex = InferSchemaType<typeof industrialComplexSchema>;
export const IndustrialComplexModel = model('IndustrialComplex', industrialComplexSchema);
