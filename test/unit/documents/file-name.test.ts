import { attachmentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName } from '../../../src/documents/file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'pdf', 'passwd.pdf'],
    ['C:\\Windows\\System32\\report.pdf', 'pdf', 'report.pdf'],
    ['bao\u0000cao\u0007\r\n.pdf', 'pdf', 'baocao.pdf'],
    ['invoice\u202efdp.exe', 'pdf', 'invoicefdp.exe.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['virus.exe', 'pdf', 'virus.exe.pdf'],
    ['photo.JPG', 'jpeg', 'photo.JPG'],
    ['kế hoạch tái chế 2026.docx', 'docx', 'kế hoạch tái chế 2026.docx'],
    ['a<b>:c|d?.xlsx', 'xlsx', 'a_b__c_d_.xlsx'],
    ['', 'png', 'document.png'],
    ['...', 'png', 'document.png'],
  ] as const)('when the client names the file %j, then it is kept as %j', (clientName, kind, expected) => {
    expect(sanitizeFileName(clientName, kind)).toBe(expected);
  });

  it('when the name is very long, then it is cut to the limit and keeps its extension', () => {
    const name = sanitizeFileName(`${'ả'.repeat(500)}.pdf`, 'pdf');
    expect([...name].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('when the name is Vietnamese, then filename* carries it exactly and filename an ASCII fallback (RFC 6266)', () => {
    expect(attachmentDisposition('Kế hoạch "tái chế" (2026).pdf')).toBe(
      `attachment; filename="Ke hoach _tai che_ (2026).pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22t%C3%A1i%20ch%E1%BA%BF%22%20%282026%29.pdf`,
    );
  });
});
