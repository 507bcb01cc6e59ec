import { Schema, model, type InferSchemaType } from 'mongoose';
import { ROLES } from './roles';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, trim: true, lowercase: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    role: { type: String, enum: ROLES, required: true },
    organizationId: { type: Schema.Types.ObjectId, ref: 'Organization' },
    passwordHash: { type: String, required: true },
    locale: { type: String, enum: ['vi', 'en'], default: 'vi' },
    active: { type: Boolean, default: true },
    demo: { type: Boolean, default: false },
    /** The latest deactivation (account-change.ts): tokens and sessions issued before it are refused. */
    deactivatedAt: Date,
    /** The last account change (account-change.ts) the role and active flag reflect. */
    accountRevision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export const UserModel = model('User', userSchema);
