import type { ByteSource } from './byte-source';
import { refused, type SniffResult } from './media-kinds';

/**
 * Reads a ZIP's central directory from its declared sizes alone: nothing is ever inflated, so a zip bomb
 * costs us a few kilobytes of reads. Refuses what an honest office document never contains: ZIP64, several
 * disks, encryption, odd compression, overlapping or hidden entries, data before or after the archive.
 */
export const ZIP_LIMITS = {
  maxEntries: 1000,
  maxCentralDirectoryBytes: 1024 * 1024,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  /** Office XML compresses about 5–20×; a bomb compresses thousands of times. Checked above 1 MiB only. */
  maxCompressionRatio: 200,
  ratioCheckedAboveBytes: 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

type Listing = { ok: true; entries: ZipEntry[] } | { ok: false; result: SniffResult };
const fail = (result: SniffResult): Listing => ({ ok: false, result });
const malformed = (detail: string) => fail(refused('malformed_zip', detail));

async function findEndOfCentralDirectory(source: ByteSource): Promise<number | undefined> {
  const windowStart = Math.max(0, source.size - EOCD_SIZE - MAX_COMMENT);
  const tail = await source.read(windowStart, source.size - windowStart);
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    // The record must end exactly at the end of the file: anything appended after it is a polyglot.
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) return windowStart + i;
  }
  return undefined;
}

function isUnsafeName(name: string): boolean {
  return name.length === 0 || name.includes('\0') || name.includes('\\') || name.startsWith('/') || name.split('/').includes('..');
}

export async function listZipEntries(source: ByteSource): Promise<Listing> {
  const eocdOffset = await findEndOfCentralDirectory(source);
  if (eocdOffset === undefined) return malformed('The end of the ZIP central directory is missing or followed by extra data.');
  const eocd = await source.read(eocdOffset, EOCD_SIZE);
  const disk = eocd.readUInt16LE(4);
  const cdDisk = eocd.readUInt16LE(6);
  const entriesOnDisk = eocd.readUInt16LE(8);
  const totalEntries = eocd.readUInt16LE(10);
  const cdSize = eocd.readUInt32LE(12);
  const cdOffset = eocd.readUInt32LE(16);
  const locator = eocdOffset >= 20 ? await source.read(eocdOffset - 20, 4) : Buffer.alloc(0);
  if (locator.length === 4 && locator.readUInt32LE(0) === ZIP64_LOCATOR_SIGNATURE) return malformed('ZIP64 archives are not accepted.');
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== totalEntries) return malformed('Multi-disk ZIP archives are not accepted.');
  if (totalEntries === 0) return malformed('The ZIP archive is empty.');
  if (totalEntries > ZIP_LIMITS.maxEntries) return fail(refused('zip_bomb', `The archive declares ${totalEntries} entries (at most ${ZIP_LIMITS.maxEntries}).`));
  if (cdSize > ZIP_LIMITS.maxCentralDirectoryBytes) return fail(refused('zip_bomb', 'The ZIP central directory is too large.'));
  if (cdOffset + cdSize !== eocdOffset) return malformed('The ZIP central directory is not where the archive says it is.');

  const directory = await source.read(cdOffset, cdSize);
  const entries: (ZipEntry & { localOffset: number; flags: number })[] = [];
  let position = 0;
  let totalUncompressed = 0;
  for (let index = 0; index < totalEntries; index++) {
    if (position + 46 > directory.length || directory.readUInt32LE(position) !== CENTRAL_SIGNATURE) return malformed('A ZIP central directory record is damaged.');
    const flags = directory.readUInt16LE(position + 8);
    const method = directory.readUInt16LE(position + 10);
    const compressedSize = directory.readUInt32LE(position + 20);
    const uncompressedSize = directory.readUInt32LE(position + 24);
    const nameLength = directory.readUInt16LE(position + 28);
    const recordLength = 46 + nameLength + directory.readUInt16LE(position + 30) + directory.readUInt16LE(position + 32);
    const localOffset = directory.readUInt32LE(position + 42);
    if (position + recordLength > directory.length) return malformed('A ZIP central directory record is damaged.');
    const name = directory.toString('utf8', position + 46, position + 46 + nameLength);
    position += recordLength;

    if (flags & 0x1) return fail(refused('encrypted_zip', 'Encrypted archives are not accepted.'));
    if (method !== 0 && method !== 8) return malformed(`Entry "${name}" uses an unsupported compression method.`);
    if (method === 0 && compressedSize !== uncompressedSize) return malformed(`Stored entry "${name}" declares inconsistent sizes.`);
    if (isUnsafeName(name)) return malformed('An entry has an unsafe name (absolute, backslash or "..").');
    if (uncompressedSize > ZIP_LIMITS.ratioCheckedAboveBytes && uncompressedSize > ZIP_LIMITS.maxCompressionRatio * Math.max(1, compressedSize)) {
      return fail(refused('zip_bomb', `Entry "${name}" expands more than ${ZIP_LIMITS.maxCompressionRatio} times.`));
    }
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > ZIP_LIMITS.maxTotalUncompressedBytes) return fail(refused('zip_bomb', 'The archive expands beyond the allowed total size.'));
    entries.push({ name, compressedSize, uncompressedSize, localOffset, flags });
  }
  if (position !== directory.length) return malformed('The ZIP central directory has trailing bytes.');
  if (new Set(entries.map((e) => e.name)).size !== entries.length) return malformed('The archive holds two entries with the same name.');
  return checkLocalHeaders(source, entries, cdOffset);
}

/** A data descriptor (CRC and sizes after the data) may sit between entries: at most 24 bytes with ZIP64 sizes. */
const MAX_DESCRIPTOR_BYTES = 24;

/** Entries must follow each other from offset 0 with no overlap and no hidden bytes (overlap is a known bomb trick). */
async function checkLocalHeaders(source: ByteSource, entries: (ZipEntry & { localOffset: number; flags: number })[], cdOffset: number): Promise<Listing> {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let previousEnd = 0;
  let allowedGap = 0;
  const gapIsHonest = (nextStart: number) => nextStart >= previousEnd && nextStart - previousEnd <= allowedGap;
  for (const entry of ordered) {
    if (!gapIsHonest(entry.localOffset)) return malformed('ZIP entries overlap or hide data between them.');
    const header = await source.read(entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return malformed('A ZIP local header is missing.');
    const nameLength = header.readUInt16LE(26);
    const localName = (await source.read(entry.localOffset + 30, nameLength)).toString('utf8');
    if (localName !== entry.name) return malformed('A ZIP local header disagrees with the central directory.');
    previousEnd = entry.localOffset + 30 + nameLength + header.readUInt16LE(28) + entry.compressedSize;
    allowedGap = entry.flags & 0x8 ? MAX_DESCRIPTOR_BYTES : 0;
  }
  if (!gapIsHonest(cdOffset)) return malformed('ZIP entry data overlaps the central directory or hides data before it.');
  return { ok: true, entries: entries.map(({ name, compressedSize, uncompressedSize }) => ({ name, compressedSize, uncompressedSize })) };
}
