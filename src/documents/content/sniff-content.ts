import type { ByteSource } from './byte-source';
import { accepted, refused, type MediaKind, type SniffResult } from './media-kinds';
import { describeUnacceptedHead, startsWith } from './signatures';
import { listZipEntries, type ZipEntry } from './zip-directory';

const HEAD_BYTES = 1024;
/** Window searched for end markers and for a ZIP directory hidden at the end of a non-ZIP file. */
const TAIL_BYTES = 64 * 1024 + 22;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const PDF_EOF = Buffer.from('%%EOF');
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Decides what an upload is from its bytes and structure: the right signature at the start, the right end
 * marker at the very end (nothing appended), no ZIP hidden inside a PDF or image. A file that parses as two
 * things at once (a polyglot) is refused, because a browser or an unzip tool may pick the other reading.
 */
export async function sniffContent(source: ByteSource): Promise<SniffResult> {
  if (source.size === 0) return refused('empty', 'The file is empty.');
  const head = await source.read(0, HEAD_BYTES);
  const tail = await source.read(Math.max(0, source.size - TAIL_BYTES), TAIL_BYTES);
  if (startsWith(head, ZIP_LOCAL)) return sniffOfficeDocument(source);
  const kind = headKind(head);
  if (!kind) return describeUnacceptedHead(head);
  if (hidesZipDirectory(tail)) return refused('polyglot', 'The file hides a ZIP archive inside another format.');
  switch (kind) {
    case 'pdf':
      return endsWithMarker(tail, PDF_EOF, 'pdf', { trailingWhitespace: true });
    case 'png':
      return endsWithMarker(tail, PNG_IEND, 'png');
    case 'jpeg':
      return endsWithMarker(tail, JPEG_EOI, 'jpeg');
  }
}

/** An end-of-central-directory record (signature, then disk numbers 0 and 0) anywhere near the end. */
function hidesZipDirectory(tail: Buffer): boolean {
  for (let at = tail.indexOf(ZIP_END); at >= 0; at = tail.indexOf(ZIP_END, at + 1)) {
    if (at + 8 <= tail.length && tail.readUInt32LE(at + 4) === 0) return true;
  }
  return false;
}

function headKind(head: Buffer): Exclude<MediaKind, 'docx' | 'xlsx'> | undefined {
  if (/^%PDF-[12]\.\d/.test(head.subarray(0, 8).toString('latin1'))) return 'pdf';
  // The first chunk of a PNG is always a 13-byte IHDR.
  if (startsWith(head, PNG_SIGNATURE) && head.length >= 16 && head.readUInt32BE(8) === 13 && startsWith(head, 'IHDR', 12)) return 'png';
  // SOI, then a marker that can start a JPEG stream (APPn, DQT, SOFn, DHT, COM).
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff && isJpegLeadMarker(head[3] ?? 0)) return 'jpeg';
  return undefined;
}

const isJpegLeadMarker = (marker: number) => (marker >= 0xe0 && marker <= 0xef) || marker === 0xdb || marker === 0xc4 || marker === 0xfe || (marker >= 0xc0 && marker <= 0xcf);

function endsWithMarker(tail: Buffer, marker: Buffer, kind: MediaKind, options: { trailingWhitespace?: boolean } = {}): SniffResult {
  const last = tail.lastIndexOf(marker);
  const after = last < 0 ? undefined : tail.subarray(last + marker.length);
  const onlyWhitespaceAfter = after !== undefined && (after.length === 0 || (options.trailingWhitespace === true && /^[\r\n\t \0]*$/.test(after.toString('latin1'))));
  if (onlyWhitespaceAfter) return accepted(kind);
  if (last < 0) return refused('truncated', `The ${kind.toUpperCase()} file is incomplete: its end marker is missing.`);
  return refused('polyglot', `The ${kind.toUpperCase()} file has other data appended after its end.`);
}

async function sniffOfficeDocument(source: ByteSource): Promise<SniffResult> {
  const listing = await listZipEntries(source);
  if (!listing.ok) return listing.result;
  return classifyOfficeEntries(listing.entries);
}

/** DOCX and XLSX are ZIPs with a content-types part and a `word/` or `xl/` folder; macros are refused. */
export function classifyOfficeEntries(entries: readonly ZipEntry[]): SniffResult {
  const names = entries.map((e) => e.name);
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^(word|xl)\/activeX\//i.test(n))) {
    return refused('macro_enabled', 'Documents with macros or ActiveX controls are not accepted; save as plain DOCX or XLSX.');
  }
  const hasContentTypes = names.includes('[Content_Types].xml');
  const isWord = names.some((n) => n.startsWith('word/'));
  const isExcel = names.some((n) => n.startsWith('xl/'));
  if (hasContentTypes && isWord && !isExcel) return accepted('docx');
  if (hasContentTypes && isExcel && !isWord) return accepted('xlsx');
  return refused('not_office_document', 'The ZIP archive is not a Word (DOCX) or Excel (XLSX) document.');
}
