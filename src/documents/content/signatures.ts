import { refused, type SniffResult } from './media-kinds';

/**
 * Recognisable content we never accept, named so the applicant learns why (a renamed program, a web page,
 * an SVG with script) instead of a bare "unsupported".
 */
const EXECUTABLE_PREFIXES: readonly Buffer[] = [
  Buffer.from('MZ'), // Windows PE
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]), // ELF
  Buffer.from([0xfe, 0xed, 0xfa, 0xce]),
  Buffer.from([0xfe, 0xed, 0xfa, 0xcf]),
  Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
  Buffer.from([0xce, 0xfa, 0xed, 0xfe]), // Mach-O
  Buffer.from([0xca, 0xfe, 0xba, 0xbe]), // Java class / Mach-O fat
  Buffer.from('#!'), // scripts
];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function startsWith(bytes: Buffer, prefix: Buffer | string, at = 0): boolean {
  const wanted = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= at + wanted.length && bytes.subarray(at, at + wanted.length).equals(wanted);
}

/** Names what the head of a refused file looks like; `unrecognized` when it looks like nothing we know. */
export function describeUnacceptedHead(head: Buffer): SniffResult {
  if (EXECUTABLE_PREFIXES.some((prefix) => startsWith(head, prefix))) {
    return refused('executable', 'The file is a program or script, whatever its name says.');
  }
  const text = (startsWith(head, UTF8_BOM) ? head.subarray(3) : head).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<')) {
    const what = text.includes('<svg') ? 'an SVG image (it can carry script)' : 'HTML or XML markup';
    return refused('markup', `The file is ${what}; upload a PDF instead.`);
  }
  return refused('unrecognized', 'The file is not a PDF, PNG, JPEG, DOCX or XLSX document.');
}
