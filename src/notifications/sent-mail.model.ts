import { Schema, model } from 'mongoose';
import { recipientHash } from './message-id';

/**
 * One document per mail handed to the transport, `_id` = "<delivery key>|<recipient hash>". It is inserted
 * after a successful send, so finding it means "already sent: do not send again".
 */
const sentMailSchema = new Schema(
  {
    _id: { type: String, required: true },
    deliveryKey: { type: String, required: true, index: true },
    userId: { type: String, required: true },
    to: { type: String, required: true },
    template: { type: String, required: true },
    messageId: { type: String, required: true },
    sentAt: { type: Date, required: true },
    /** For digests: the items this mail carried, so a retry marks exactly those. */
    itemIds: { type: [String], default: undefined },
  },
  { versionKey: false, collection: 'sent_mail' },
);

export interface SentMailRecord {
  _id: string;
  deliveryKey: string;
  userId: string;
  to: string;
  template: string;
  messageId: string;
  sentAt: Date;
  itemIds?: string[];
}

export const SentMailModel = model('SentMail', sentMailSchema);

export const sentMailId = (deliveryKey: string, address: string): string => `${deliveryKey}|${recipientHash(address)}`;
