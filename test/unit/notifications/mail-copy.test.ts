import { copyFor, MAIL_TEMPLATES, type MailFacts } from '../../../src/notifications/mail-copy';
import { createMailRenderer } from '../../../src/notifications/mail-renderer';

const facts: MailFacts = {
  recipientName: 'Nguyễn Văn A',
  dossierCode: 'HP-EPR-2026-000123',
  dossierTitle: 'Bao bì <PET> & "nhựa"',
  dossierType: 'epr',
  dossierUrl: 'https://xanh.example.vn/my/dossiers/1',
  dueAt: new Date('2026-03-12T10:00:00Z'),
  reasons: ['Thiếu hợp đồng tái chế', 'Bảng kê chưa ký'],
  certificate: { number: '00001/2026/GCN-SCT-EPR', url: 'https://xanh.example.vn/certificates/verify?code=ABCDEFGH12' },
};

describe('mail copy and rendering', () => {
  const render = createMailRenderer();

  it.each(MAIL_TEMPLATES.flatMap((template) => (['vi', 'en'] as const).map((locale) => [template, locale] as const)))(
    'when %s is rendered in %s, then the subject names the dossier code and both parts carry the greeting',
    (template, locale) => {
      const mail = render(copyFor(locale)[template](facts), locale);
      expect(mail.subject).toContain('[HP-EPR-2026-000123]');
      expect(mail.text).toContain(locale === 'vi' ? 'Kính gửi Nguyễn Văn A,' : 'Dear Nguyễn Văn A,');
      expect(mail.html).toContain(`<html lang="${locale}">`);
    },
  );

  it('when a title holds markup, then the HTML part escapes it and the text part keeps it as typed', () => {
    const mail = render(copyFor('en').rejected(facts), 'en');
    expect(mail.html).toContain('Bao bì &lt;PET&gt; &amp; &quot;nhựa&quot;');
    expect(mail.text).toContain('Bao bì <PET> & "nhựa"');
    expect(mail.text).toMatch(/ {2}1\. Thiếu hợp đồng tái chế\n {2}2\. Bảng kê chưa ký\n/);
  });

  it('when a due date is shown, then it is the date in Viet Nam in each language\'s format', () => {
    const late = { ...facts, dueAt: new Date('2026-03-12T18:30:00Z') }; // already 13 March in Hai Phong
    expect(render(copyFor('vi').receipt(late), 'vi').text).toContain('Ngày hẹn trả kết quả: 13/03/2026.');
    expect(render(copyFor('en').receipt(late), 'en').text).toContain('Results are due by 13 March 2026.');
  });
});
