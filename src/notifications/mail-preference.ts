import { Schema, model, trusted } from 'mongoose';
import { isDuplicateKeyError } from '../db';

/** How a staff member wants mail: one per event, or one digest a day. Applicants always get one per event. */
export const MAIL_DELIVERY_MODES = ['immediate', 'daily_digest'] as const;
export type MailDeliveryMode = (typeof MAIL_DELIVERY_MODES)[number];

/** Keyed by user id: the user model belongs to auth, so the preference lives here beside it. */
const mailPreferenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    delivery: { type: String, enum: MAIL_DELIVERY_MODES, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'mail_preferences' },
);

export const MailPreferenceModel = model('MailPreference', mailPreferenceSchema);

export async function getMailPreference(userId: string): Promise<MailDeliveryMode> {
  const stored = await MailPreferenceModel.findById(userId, { delivery: 1 }).lean<{ delivery: MailDeliveryMode }>();
  return stored?.delivery ?? 'immediate';
}

/**
 * Last writer wins, which is what a person changing their own setting expects; nothing is claimed here, so
 * the plain upsert is enough. Two first-time upserts racing may meet a duplicate key: the second then updates.
 */
export async function setMailPreference(userId: string, delivery: MailDeliveryMode, at: Date): Promise<MailDeliveryMode> {
  const write = () => MailPreferenceModel.updateOne({ _id: userId }, { $set: { delivery, updatedAt: at } }, { upsert: true });
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await write();
  }
  return delivery;
}

export async function usersPreferringDigest(userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await MailPreferenceModel.find({ _id: trusted({ $in: userIds }), delivery: 'daily_digest' }, { _id: 1 }).lean<{ _id: string }[]>();
  return new Set(rows.map((row) => row._id));
}
