import { deflateRawSync } from 'node:zlib';
import { bufferSource } from '../../../src/documents/content/byte-source';
import { sniffContent } from '../../../src/documents/content/sniff-content';
import {
  buildZip,
  ELF_HEADER,
  HTML_PAGE,
  minimalDocx,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  minimalXlsx,
  PE_HEADER,
  SVG_WITH_SCRIPT,
} from '../../fixtures/uploads/sample-files';

const sniff = (bytes: Buffer) => sniffContent(bufferSource(bytes));

describe('sniffContent', () => {
  it.each([
    ['pdf', minimalPdf()],
    ['png', minimalPng()],
    ['jpeg', minimalJpeg()],
    ['docx', minimalDocx()],
    ['xlsx', minimalXlsx()],
  ])('when the bytes are a minimal valid %s, then that kind is accepted', async (kind, bytes) => {
    expect(await sniff(bytes)).toEqual({ ok: true, kind });
  });

  it('when a PDF carries incremental updates and a trailing newline, then it is still a PDF', async () => {
    const updated = Buffer.concat([minimalPdf(), Buffer.from('1 0 obj << >> endobj\nstartxref\n9\n%%EOF\r\n')]);
    expect(await sniff(updated)).toEqual({ ok: true, kind: 'pdf' });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['random bytes', Buffer.from('not a document at all, just text'), 'unrecognized'],
    ['a Windows executable', PE_HEADER, 'executable'],
    ['an ELF executable', ELF_HEADER, 'executable'],
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'executable'],
    ['an HTML page', HTML_PAGE, 'markup'],
    ['an SVG with script', SVG_WITH_SCRIPT, 'markup'],
    ['a PDF without %%EOF', minimalPdf().subarray(0, 200), 'truncated'],
    ['a PNG without IEND', minimalPng().subarray(0, 40), 'truncated'],
    ['a JPEG without EOI', minimalJpeg().subarray(0, 20), 'truncated'],
    ['a PDF with a ZIP appended', Buffer.concat([minimalPdf(), minimalDocx()]), 'polyglot'],
    ['a PDF whose ZIP hides before a final %%EOF', Buffer.concat([minimalPdf(), minimalDocx(), Buffer.from('\n%%EOF\n')]), 'polyglot'],
    ['a JPEG with HTML appended', Buffer.concat([minimalJpeg(), HTML_PAGE]), 'polyglot'],
    ['a PNG with bytes appended', Buffer.concat([minimalPng(), Buffer.from('trailing')]), 'polyglot'],
    ['a PDF header not at the start', Buffer.concat([Buffer.from('junk'), minimalPdf()]), 'unrecognized'],
    ['a ZIP holding only a PDF', buildZip([{ name: 'report.pdf', data: minimalPdf() }]), 'not_office_document'],
    ['a DOCX with macros', minimalDocx([{ name: 'word/vbaProject.bin', data: 'macro' }]), 'macro_enabled'],
    ['a ZIP that is both Word and Excel', minimalDocx([{ name: 'xl/workbook.xml', data: '<workbook/>' }]), 'not_office_document'],
    ['a DOCX with data after the archive', Buffer.concat([minimalDocx(), Buffer.from('MZ trailing')]), 'malformed_zip'],
    ['a ZIP entry named with ..', minimalDocx([{ name: '../../etc/cron.d/evil', data: 'x' }]), 'malformed_zip'],
    ['an encrypted ZIP', minimalDocx([{ name: 'word/secret.xml', data: 'x', flags: 1 }]), 'encrypted_zip'],
    ['a ZIP with two entries at one offset', buildZip([{ name: '[Content_Types].xml', data: 'a' }, { name: 'word/document.xml', data: 'b' }], { centralOffsets: () => [0, 0] }), 'malformed_zip'],
    ['a ZIP with a lying uncompressed size', minimalDocx([{ name: 'word/media/huge.bin', data: 'x'.repeat(1000), declaredUncompressedSize: 0xfffffff0 }]), 'zip_bomb'],
    ['a ZIP with too many entries', buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `word/p${i}.xml`, data: '', store: true }))), 'zip_bomb'],
  ])('when the upload is %s, then it is refused as %s', async (_what, bytes, rejection) => {
    const result = await sniff(bytes);
    expect(result).toMatchObject({ ok: false, rejection });
  });

  it('when an entry really inflates a thousandfold, then it is refused as a zip bomb without being inflated', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    expect(deflateRawSync(zeros).length).toBeLessThan(zeros.length / 200);
    const result = await sniff(minimalDocx([{ name: 'word/media/zeros.bin', data: zeros }]));
    expect(result).toMatchObject({ ok: false, rejection: 'zip_bomb' });
  });
});
