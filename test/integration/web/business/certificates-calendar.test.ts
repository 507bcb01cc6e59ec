import { Types } from 'mongoose';
import { issueCertificate } from '../../../../src/certificates';
import { createOrganization, createUser, PASSWORD } from '../../../support/actors';
import { browser } from '../../../support/browser-session';
import { buildTestApp } from '../../../support/test-app';
import { useTestDatabase } from '../../../support/test-database';

describe('my certificates and the obligation calendar', () => {
  const database = useTestDatabase();
  const now = new Date('2026-02-10T03:00:00Z');
  let app: ReturnType<typeof buildTestApp>;

  beforeAll(() => {
    app = buildTestApp(database(), { now: () => now, env: { BASE_URL: 'https://dichvucong.sct.haiphong.gov.vn' } });
  });

  async function holderWithCertificate() {
    const organizationId = await createOrganization();
    const user = await createUser(app, 'ic_operator', organizationId);
    const certificate = await issueCertificate({
      dossierId: new Types.ObjectId(),
      dossierCode: 'HP-GHG-2026-000042',
      type: 'emissions_reduction',
      holderOrganizationId: organizationId,
      holderName: 'Công ty TNHH Thép Xanh',
      title: 'Xác nhận kiểm kê khí nhà kính 2025',
      issuedAt: new Date('2025-06-01T02:00:00Z'),
    });
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    return { b, certificate };
  }

  it('when a holder opens its certificate, then the printable page shows the verification code, the public URL at the configured address and a QR code', async () => {
    const { b, certificate } = await holderWithCertificate();
    const list = await b.agent.get('/my/certificates');
    expect(list.text).toContain(certificate.number);
    // A forged Host header must not end up printed on the certificate.
    const page = await b.agent.get(`/my/certificates/${certificate.verificationCode}`).set('Host', 'evil.example');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<strong class="code">${certificate.verificationCode}</strong>`);
    expect(page.text).toContain(`https://dichvucong.sct.haiphong.gov.vn/certificates/verify?code=${certificate.verificationCode}`);
    expect(page.text).not.toContain('evil.example');
    expect(page.text).toMatch(/<figure class="verify-qr" role="img" aria-label="Mã QR[^"]*"><svg [^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path [\s\S]*<\/svg>\s*<\/figure>/);
    expect(page.text).toContain('Công ty TNHH Thép Xanh');
  });

  it('when another organization asks for the certificate, then it is not found', async () => {
    const { certificate } = await holderWithCertificate();
    const stranger = browser(app);
    await stranger.signIn((await createUser(app, 'business', await createOrganization())).email, PASSWORD);
    expect((await stranger.agent.get(`/my/certificates/${certificate.verificationCode}`)).status).toBe(404);
    expect((await stranger.agent.get('/my/certificates')).text).not.toContain(certificate.number);
  });

  it('when the calendar is opened, then it lists EPR and GHG dates with their sources and the certificate expiry', async () => {
    const { b, certificate } = await holderWithCertificate();
    const page = await b.agent.get('/my/calendar?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<time datetime="2026-03-31">[\s\S]*File the recycling plan[\s\S]*unverified/);
    expect(page.text).toMatch(/<time datetime="2026-04-20">[\s\S]*Pay the financial contribution[\s\S]*unverified/);
    expect(page.text).toContain('File the facility GHG inventory report (every 2 years)');
    expect(page.text).not.toContain('<time datetime="2027-03-31">');
    // Emissions certificates default to 2 years: issued 1 June 2025, it expires on 1 June 2027 (expiries are always listed).
    expect(page.text).toContain(`/my/certificates/${certificate.verificationCode}`);
    expect(page.text).toContain('<time datetime="2027-06-01">');
  });
});
