import { Schema, model } from 'mongoose';

/** Personal access tokens for the API. Only the SHA-256 of a token is stored; the token is shown once. */
const accessTokenSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Public handle for listing and revoking (never the token or its hash). */
    publicId: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: Date,
  },
  { versionKey: false },
);

export const AccessTokenModel = model('AccessToken', accessTokenSchema);
