import request from 'supertest';
import { AuditEntryModel } from '../../../src/audit/audit.model';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { configureDossierDirectory } from '../../../src/applications/read-model/dossier-directory';
import { createScheduler, getJob, listJobs, type Scheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { checkPortalSync, createNationalPortal, PORTAL_PUSH_JOB, type NationalPortal } from '../../../src/national-portal';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { PEER_ACCOUNT, startDvcqgPeer, type DvcqgPeer } from '../../support/dvcqg-peer';
import { buildTestApp, testConfig } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CODES = 'green_transformation=1.011111:CT-MT,epr=1.012222:MT-EPR,renewable_energy=1.013333:CT-NL,emissions_reduction=1.014444:MT-KNK';

/**
 * The DVCQG adapter against a peer that checks every request against docs/DVCQG.md, with the scheduler's clock
 * driven by the test and the jobs' real retry policy (30 s doubling to 30 min, for 72 h).
 */
describe('the National Public Service Portal adapter', () => {
  const database = useTestDatabase();
  const silent = createLogger('silent');
  let peer: DvcqgPeer;
  let app: ReturnType<typeof buildTestApp>;
  let portal: NationalPortal;
  let scheduler: Scheduler;
  let business: TestUser;
  let officer: TestUser;
  let leader: TestUser;
  let admin: TestUser;
  // Thu 12 Mar 2026, 09:00 in Hai Phong.
  let clock = Date.parse('2026-03-12T02:00:00Z');
  const now = () => new Date(clock);

  const send = (user: TestUser, id: string, event: Record<string, unknown>) =>
    request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(event);
  const ok = async (user: TestUser, id: string, event: Record<string, unknown>) => {
    const res = await send(user, id, event);
    expect([event.type, res.status, res.body.detail]).toEqual([event.type, 201, undefined]);
  };
  const received = async (title = 'EPR bao bì 2026') => {
    const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title, data: EPR_DATA });
    await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
    await ok(business, res.body.id, { type: 'SUBMIT', declaration: true });
    await ok(officer, res.body.id, { type: 'ACCEPT' });
    const dossier = await request(app).get(`/api/v1/applications/${res.body.id}`).set('Authorization', `Bearer ${officer.token}`);
    return { id: res.body.id as string, nationalCode: dossier.body.nationalCode as string };
  };
  /** Moves the clock in steps, running what is due after each. */
  const runFor = async (durationMs: number, stepMs: number) => {
    for (let elapsed = 0; elapsed < durationMs; elapsed += stepMs) {
      clock += stepMs;
      for (let pass = 0; pass < 10; pass++) if ((await scheduler.runDueJobs()) === 0) break;
    }
  };
  const runNow = () => runFor(1, 1);
  const statusesOf = (nationalCode: string, service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC') =>
    peer.takenFor(nationalCode).filter((t) => t.service === service).map((t) => t.record[service === 'DongBoHoSoMC' ? 'TrangThaiHoSo' : 'TrangThai']);

  beforeAll(async () => {
    configureDossierDirectory({ maxStalenessMs: 0 });
    peer = await startDvcqgPeer();
    app = buildTestApp(database(), { now, env: { DVCQG_URL: peer.url, DVCQG_USERNAME: PEER_ACCOUNT.username, DVCQG_PASSWORD: PEER_ACCOUNT.password, DVCQG_PROCEDURE_CODES: CODES } });
    const config = testConfig({ DVCQG_URL: peer.url, DVCQG_USERNAME: PEER_ACCOUNT.username, DVCQG_PASSWORD: PEER_ACCOUNT.password, DVCQG_PROCEDURE_CODES: CODES, BASE_URL: 'https://xanh.haiphong.gov.vn' });
    portal = createNationalPortal(config, { now, logger: silent })!;
    scheduler = createScheduler({ handlers: portal.handlers, instanceId: 'dvcqg-test', logger: silent, pollIntervalMs: 50, leaseMs: 60_000, now });
    business = await createUser(app, 'business', await createOrganization('Công ty TNHH Bao bì Xanh'));
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
    admin = await createUser(app, 'admin');
  });

  afterAll(async () => {
    await scheduler.stop();
    await peer.stop();
  });

  it('when steps were logged before the adapter was configured, then the nightly check sends them, in order', async () => {
    // No deliverer is registered yet: the receipt is logged, and nothing is booked.
    const { nationalCode } = await received('Hồ sơ nhận trước khi kết nối');
    expect(await listJobs({ name: PORTAL_PUSH_JOB })).toEqual([]);
    registerOutboxDeliverer('report_progress', portal.deliverProgressReport);

    const report = await checkPortalSync(now());
    expect(report).toMatchObject({ scheduled: 1 });
    await runNow();
    expect(peer.takenFor(nationalCode).map((t) => t.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
    // The check looked at this dossier once: the next night it has nothing to do.
    expect(await checkPortalSync(now())).toEqual({ dossiersLooked: 0, scheduled: 0, resent: 0 });
    expect(peer.violations).toEqual([]);
  });

  it('when a dossier goes from receipt to result, then every step reaches the portal once, in order, as the contract says', async () => {
    const { id, nationalCode } = await received();
    expect(nationalCode).toMatch(/^000\.00\.00\.H26-260312-\d{4}$/);
    await runNow();
    await ok(officer, id, { type: 'REQUEST_SUPPLEMENT', reasons: ['Thiếu hợp đồng tái chế'], comment: 'Ghi chú nội bộ: gọi điện cho kế toán' });
    clock += HOUR;
    // The portal restarts: its sessions end; the adapter logs in again and sends the same record.
    peer.endSessions();
    await runNow();
    await ok(business, id, { type: 'RESUBMIT', declaration: true });
    await ok(officer, id, { type: 'ACCEPT' });
    await ok(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await ok(leader, id, { type: 'APPROVE' });
    await ok(officer, id, { type: 'RETURN_RESULT', channel: 'online' });
    // Five steps logged in the same minute: each waits for the one before it, retried at most 5 minutes apart.
    await runFor(30 * MINUTE, MINUTE);

    expect(peer.violations).toEqual([]);
    expect(statusesOf(nationalCode, 'CapNhatTienDoHoSoMC')).toEqual(['2', '5', '4', '4', '4', '9', '10']);
    // The dossier record goes with the receipt and with each change of status on the portal.
    expect(statusesOf(nationalCode, 'DongBoHoSoMC')).toEqual(['2', '5', '4', '9', '10']);
    const keys = peer.takenFor(nationalCode).map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);

    const [receipt, ...rest] = peer.takenFor(nationalCode);
    expect(receipt!.record).toMatchObject({
      MaHoSo: nationalCode,
      MaTTHC: '1.012222',
      MaLinhVuc: 'MT-EPR',
      ChuHoSo: expect.stringMatching(/^Công ty TNHH Bao bì Xanh/),
      LoaiDoiTuong: '2',
      TrichYeuHoSo: 'EPR bao bì 2026',
      NgayTiepNhan: '20260312090000',
      TrangThaiHoSo: '2',
      HinhThuc: '2',
      DonViXuLy: 'Sở Công Thương thành phố Hải Phòng',
      DanhSachLePhi: [],
    });
    expect((receipt!.record.TaiLieuNop as unknown[]).length).toBe(eprRequiredDocuments().length);
    const returned = rest.filter((t) => t.service === 'DongBoHoSoMC').at(-1)!.record;
    expect(returned).toMatchObject({ TrangThaiHoSo: '10', NgayTra: expect.stringMatching(/^2026031\d{7}$/), NgayKetThucXuLy: expect.any(String) });
    expect(returned.DanhSachHoSoBoSung).toEqual([{ NgayYeuCauBoSung: expect.any(String), NgayNopBoSung: expect.any(String) }]);
    expect(returned.DanhSachGiayToKetQua).toEqual([{ MaGiayTo: expect.any(String), TenGiayTo: expect.any(String), DuongDanTepTin: expect.stringMatching(/^https:\/\/xanh\.haiphong\.gov\.vn\/certificates\/verify\?code=/) }]);
    const progress = rest.filter((t) => t.service === 'CapNhatTienDoHoSoMC').map((t) => t.record);
    expect(progress[0]).toMatchObject({ NoiDungXuLy: 'Tiếp nhận hồ sơ đầy đủ', TrangThai: '2' });
    expect(progress[1]).toMatchObject({ NoiDungXuLy: 'Yêu cầu bổ sung', ChucDanh: 'Chuyên viên', PhongBanXuLy: 'Sở Công Thương thành phố Hải Phòng' });
    expect(progress[2]).toMatchObject({ ChucDanh: 'Doanh nghiệp', PhongBanXuLy: 'Tổ chức, doanh nghiệp' });
    // An officer's comment may be an internal note: it never leaves.
    expect(JSON.stringify(peer.taken)).not.toContain('Ghi chú nội bộ');
    expect(peer.logins).toBeGreaterThanOrEqual(2);
  });

  it('when the portal is unreachable for two hours, then afterwards each step arrives exactly once and in order, even when an answer was lost', async () => {
    await peer.stop();
    const dossiers = [await received('Hồ sơ A'), await received('Hồ sơ B'), await received('Hồ sơ C')];
    for (const { id } of dossiers) await ok(officer, id, { type: 'RECOMMEND', decision: 'approve' });
    await runFor(2 * HOUR, MINUTE);
    for (const { nationalCode } of dossiers) expect(peer.takenFor(nationalCode)).toEqual([]);

    const overview = await request(app).get('/api/v1/national-portal/sync').set('Authorization', `Bearer ${admin.token}`);
    expect(overview.status).toBe(200);
    // One row per dossier: its receipt failing to reach the portal, the next step waiting behind it.
    const mine = (overview.body.pending as { nationalCode: string; sequence: number; waiting: number; failure: { kind: string } }[]).filter((row) => dossiers.some((d) => d.nationalCode === row.nationalCode));
    expect(mine.map((row) => [row.sequence, row.waiting, row.failure.kind])).toEqual([[2, 1, 'unreachable'], [2, 1, 'unreachable'], [2, 1, 'unreachable']]);
    expect(overview.body.unsynced).toBe(6);

    await peer.start();
    // The first record taken after the outage loses its answer: the adapter sends it again under the same key.
    peer.loseAnswers = 1;
    await runFor(2 * HOUR, MINUTE);
    expect(peer.violations).toEqual([]);
    for (const { nationalCode } of dossiers) {
      expect(peer.takenFor(nationalCode).map((t) => [t.service, t.record.TrangThaiHoSo ?? t.record.TrangThai])).toEqual([
        ['DongBoHoSoMC', '2'],
        ['CapNhatTienDoHoSoMC', '2'],
        ['DongBoHoSoMC', '4'],
        ['CapNhatTienDoHoSoMC', '4'],
      ]);
    }
    expect(peer.repeats).toHaveLength(1);
    const jobs = await listJobs({ name: PORTAL_PUSH_JOB, status: 'pending' });
    expect(jobs).toEqual([]);
  });

  it('when the portal refuses a step for 72 hours, then it is listed as failed with the answer, and "send again" delivers it once', async () => {
    peer.mode = 'refuse';
    const { id, nationalCode } = await received('Hồ sơ bị Cổng từ chối');
    await runFor(73 * HOUR, 30 * MINUTE);
    const job = await getJob(`dvcqg:${id}:2`);
    expect(job).toMatchObject({ status: 'failed', lastError: 'refused: -1 Mã thủ tục không tồn tại trên Cổng' });

    const page = browser(app);
    await page.signIn(admin.email, PASSWORD);
    const listing = await page.agent.get('/admin/national-portal');
    expect(listing.status).toBe(200);
    expect(listing.text).toContain(nationalCode);
    expect(listing.text).toContain('Mã thủ tục không tồn tại trên Cổng');
    expect(listing.text).toContain(`name="step" value="${id}:2"`);

    peer.mode = 'up';
    const resend = await page.agent.post('/admin/national-portal/resend').type('form').send({ _csrf: csrfTokenOf(listing.text), step: `${id}:2` });
    expect([resend.status, resend.headers.location]).toEqual([303, '/admin/national-portal?done=resent']);
    await runNow();
    expect(peer.takenFor(nationalCode).map((t) => t.service)).toEqual(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
    const again = await request(app).post(`/api/v1/national-portal/sync/${id}:2/resend`).set('Authorization', `Bearer ${admin.token}`);
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
    const after = await page.agent.get('/admin/national-portal?done=resent');
    expect(after.text).not.toContain(`name="step" value="${id}:2"`);
    expect(await AuditEntryModel.countDocuments({ action: 'dvcqg.resend', 'target.id': id })).toBe(1);
  });

  it('when one received dossier has not reached the portal, then indicator 1.4 counts it out and names it, on the page, in the API and in the workbook', async () => {
    peer.mode = 'busy';
    const missing = await received('Hồ sơ chưa lên Cổng');
    await runFor(10 * MINUTE, MINUTE);
    // Received dossiers are named by their national code.
    const code = missing.nationalCode;
    const d766 = await request(app).get('/api/v1/decision-766?period=2026-03').set('Authorization', `Bearer ${leader.token}`);
    const synced = d766.body.total.indicators.find((i: { id: string }) => i.id === '1.4');
    // Seven dossiers received in March, six on the portal.
    expect(synced).toEqual({ id: '1.4', value: 85.7, dossiers: [code] });

    const workbook = await request(app).get('/api/v1/decision-766?period=2026-03&format=xlsx').set('Authorization', `Bearer ${leader.token}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Chỉ số', 'Cách tính', 'Hồ sơ']);
    const header = book.getWorksheet('Chỉ số')!.getRow(2).values as unknown[];
    const all = book.getWorksheet('Chỉ số')!.getRow(7).values as unknown[];
    expect(all[header.indexOf('1.4')]).toBe(85.7);
    const drill = book.getWorksheet('Hồ sơ')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(2));
    expect(drill).toContainEqual(['1.4', code]);

    const l = browser(app);
    await l.signIn(leader.email, PASSWORD);
    const page = await l.agent.get('/leader/decision-766?period=2026-03');
    expect(page.text).toContain('Hồ sơ tiếp nhận trong kỳ chưa có trên Cổng Dịch vụ công quốc gia');
    expect(page.text).toContain(code);
    peer.mode = 'up';
  });
});
