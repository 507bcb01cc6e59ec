import { Schema, model } from 'mongoose';

/**
 * A notification waiting for its recipient's daily digest, `_id` = "<outbox message id>|<user id>" so a
 * retried job queues it once. `digestDay` is the first digest that should carry it; `digestedOn` is set
 * (plainly: nothing races on it) once a digest has carried it, and stays '' until then.
 */
const digestItemSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true, index: true },
    digestDay: { type: String, required: true, index: true },
    queuedAt: { type: Date, required: true },
    template: { type: String, required: true },
    subject: { type: String, required: true },
    url: { type: String, required: true },
    digestedOn: { type: String, default: '' },
  },
  { versionKey: false, collection: 'mail_digest_items' },
);

export interface DigestItemRecord {
  _id: string;
  userId: string;
  digestDay: string;
  queuedAt: Date;
  template: string;
  subject: string;
  url: string;
  digestedOn: string;
}

export const DigestItemModel = model('MailDigestItem', digestItemSchema);
