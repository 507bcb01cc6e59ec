import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';

/** Every sign-in attempt, appended (never updated): lockout counts failures since the last success. */
const loginAttemptSchema = new Schema(
  {
    _id: { type: String, default: () => randomUUID() },
    email: { type: String, required: true, index: true },
    ok: { type: Boolean, required: true },
    at: { type: Date, required: true },
    ip: String,
  },
  { versionKey: false },
);

export const LoginAttemptModel = model('LoginAttempt', loginAttemptSchema);
