import { Schema, model, type InferSchemaType } from 'mongoose';
import { MEMBER_ROLES, ROLES } from './roles';

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
    /** Inside an applicant organization: who administers its people, who may submit, who only prepares. */
    memberRole: { type: String, enum: MEMBER_ROLES },
    phone: { type: String, trim: true, maxlength: 30 },
    position: { type: String, trim: true, maxlength: 120 },
    /** When the person proved the address is theirs (a registration or an e-mail change link). */
    emailVerifiedAt: Date,
    /** The latest password change: sessions and tokens from before it are refused, as after a deactivation. */
    passwordChangedAt: Date,
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export const UserModel = model('User', userSchema);
