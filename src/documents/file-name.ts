import path from 'node:path';
import { MEDIA_KINDS, type MediaKind } from './content/media-kinds';

export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_NAME = 'document';

/** C0/C1 controls, and the bidirectional and invisible marks that make "invoice<RLO>fdp.exe" look like a PDF. */
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0xfeff, 0xfeff],
];
const isVisible = (character: string) => {
  const point = character.codePointAt(0) ?? 0;
  return !INVISIBLE_RANGES.some(([from, to]) => point >= from && point <= to);
};
const RESERVED_ON_WINDOWS = /[<>:"|?*]/g;

/**
 * The client's file name reduced to safe metadata: the last path segment only, no control or invisible
 * characters, no characters Windows forbids, no leading dots, at most 200 characters, and an extension that
 * matches the detected content (appended when it does not). The name is only ever shown and offered as the
 * download name; files are stored under random keys.
 */
export function sanitizeFileName(clientName: string, kind: MediaKind): string {
  const lastSegment = clientName.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = [...lastSegment]
    .filter(isVisible)
    .join('')
    .replace(RESERVED_ON_WINDOWS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const { extensions } = MEDIA_KINDS[kind];
  const extension = path.extname(name).toLowerCase();
  if (!(extensions as readonly string[]).includes(extension)) name = `${name || FALLBACK_NAME}${extensions[0]}`;
  const finalExtension = path.extname(name);
  const stem = name.slice(0, name.length - finalExtension.length) || FALLBACK_NAME;
  return `${[...stem].slice(0, MAX_FILE_NAME_LENGTH - finalExtension.length).join('')}${finalExtension}`;
}

/** RFC 5987 percent-encoding: everything outside attr-char is encoded (RFC 6266 §4.3, filename*). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment` with an ASCII fallback `filename` for old clients and the exact UTF-8 name in `filename*`. */
export const attachmentDisposition = (fileName: string) => disposition('attachment', fileName);
/** `inline` (previews), named the same way, so "save" in the browser's viewer keeps the name. */
export const inlineDisposition = (fileName: string) => disposition('inline', fileName);

function disposition(kind: 'attachment' | 'inline', fileName: string): string {
  const asciiFallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  return `${kind}; filename="${asciiFallback}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
