import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Hashes an address so keys and headers carry no personal data; case-insensitive, as mailboxes are. */
export const recipientHash = (address: string): string => sha256(address.trim().toLowerCase()).slice(0, 16);

/**
 * The Message-ID of the mail that carries `deliveryKey` (an outbox message id, or a digest key) to one
 * recipient. It depends on nothing else, so a retry after a crash between sending and recording sends a
 * mail with the same Message-ID, which the receiving side can recognise as the same message.
 */
export function stableMessageId(deliveryKey: string, address: string): string {
  return `<${sha256(deliveryKey).slice(0, 32)}.${recipientHash(address)}@hp-green>`;
}
