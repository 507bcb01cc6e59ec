import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A mail written to the development outbox folder, as the admin page lists it. */
export interface OutboxMailSummary {
  file: string;
  messageId: string;
  subject: string;
  to: string;
  date: string;
  writtenAt: Date;
}

/** The file is named after the stable Message-ID, so writing the same mail again replaces it. */
const fileNameFor = (messageId: string): string => `${messageId.replace(/^<|@hp-green>$|>$/g, '').replace(/[^A-Za-z0-9.-]/g, '_')}.eml`;

/** Written to a temporary name first and renamed, so a reader never sees half a mail. */
export async function writeEmlFile(dir: string, messageId: string, content: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, fileNameFor(messageId));
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
  return file;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?...?=`, `=?UTF-8?Q?...?=`), as nodemailer writes non-ASCII headers. */
export function decodeHeaderWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, _charset: string, encoding: string, text: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => `%${hex}`);
    try {
      return decodeURIComponent(bytes);
    } catch {
      return text;
    }
  });
}

/** The header block of a message as a map of lower-cased names to unfolded, decoded values. */
export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeHeaderWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** Newest first. A missing folder means nothing was written yet, not an error. */
export async function listOutboxMail(dir: string, limit = 100): Promise<OutboxMailSummary[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const mails = await Promise.all(
    names
      .filter((name) => name.endsWith('.eml'))
      .map(async (file) => {
        const full = path.join(dir, file);
        const [content, info] = await Promise.all([readFile(full, 'utf8'), stat(full)]);
        const headers = parseHeaders(content);
        return {
          file,
          messageId: headers.get('message-id') ?? '',
          subject: headers.get('subject') ?? '',
          to: headers.get('to') ?? '',
          date: headers.get('date') ?? '',
          writtenAt: info.mtime,
        };
      }),
  );
  return mails.sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime() || a.file.localeCompare(b.file)).slice(0, limit);
}
