import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import request from 'supertest';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { DIALOGUE_EXPORT_JOB, dialogueExportJobHandler } from '../../../src/dialogue';
import { formatters } from '../../../src/i18n';
import { createScheduler } from '../../../src/jobs';
import { createLogger } from '../../../src/logging/logger';
import { getPeriod } from '../../../src/pgi';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { seedCertificate, seedDossiers } from './dialogue-fixtures';
import { seedScenario } from './export-scenario';

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** Resolves `dossiers.byType.epr.received` in the figures answer. */
const at = (figures: unknown, key: string) => key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)?.[part], figures);

describe('the conference summary export', () => {
  const database = useTestDatabase();
  const now = () => new Date('2026-07-15T03:00:00Z');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-dialogue-exports-'));
  const deps = { now, calendar: DEFAULT_WORKING_CALENDAR, dataDir };
  let app: ReturnType<typeof buildTestApp>;
  let officer: TestUser;
  let leader: TestUser;
  let admin: TestUser;
  let conferenceId: string;
  let figures: Record<string, unknown> & { dossiers: { onTime: { ratePercent: number }; averageProcessingWorkingDays: number } };
  const scheduler = () => createScheduler({ handlers: { [DIALOGUE_EXPORT_JOB]: dialogueExportJobHandler(deps) }, instanceId: 'test', logger: createLogger('silent'), pollIntervalMs: 1000, leaseMs: 60_000, now });

  const as = (user: TestUser) => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${user.token}`),
    post: (url: string, body: object = {}) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body),
  });

  async function exportAs(user: TestUser, format: 'docx' | 'xlsx' | 'pdf', locale: 'vi' | 'en' = 'vi'): Promise<Buffer> {
    const requested = await as(user).post(`/api/v1/conferences/${conferenceId}/exports`, { format, locale });
    expect(requested.status).toBe(202);
    expect(await scheduler().runDueJobs()).toBeGreaterThanOrEqual(1);
    const status = await as(user).get(`/api/v1/conferences/${conferenceId}/exports/${requested.body.id}`);
    expect(status.body).toMatchObject({ status: 'done', progress: { phase: 'done' } });
    expect(status.body.error).toBeUndefined();
    expect(status.body.progress.done).toBe(status.body.progress.total);
    const file = await as(user).get(status.body.download).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    return file.body as Buffer;
  }

  beforeAll(async () => {
    app = buildTestApp(database(), { now, env: { DATA_DIR: dataDir } });
    officer = await createUser(app, 'officer');
    leader = await createUser(app, 'leader');
    admin = await createUser(app, 'admin');
    const business = await createUser(app, 'business', await createOrganization('Công ty CP Cảng Hải Phòng'));
    conferenceId = await seedScenario({ as, officer, business, seedDossiers, seedCertificate });
    figures = (await as(leader).get(`/api/v1/conferences/${conferenceId}/figures`)).body;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when the figures are asked for, then they count the scope\'s dossiers, certificates and petitions', () => {
    expect(at(figures, 'dossiers.total')).toEqual({ received: 5, decided: 5, approved: 4, rejected: 1 });
    expect(at(figures, 'dossiers.onTime')).toEqual({ decided: 5, onTime: 4, ratePercent: 80 });
    expect(at(figures, 'dossiers.overdueCount')).toBe(1);
    expect(at(figures, 'dossiers.highlights')).toMatchObject({ eprRecyclingObligationKg: 110_000, eprContributionVnd: 440_000_000, renewableCapacityKwp: 250 });
    expect((at(figures, 'certified.ecoIndustrialParks') as unknown[]).length).toBe(1);
    expect(at(figures, 'petitions')).toMatchObject({ total: 3, open: 2 });
  });

  it('when an XLSX is exported, then its summary equals the figures and its sheets hold every row behind them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportAs(officer, 'xlsx')) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Summary')!;
    const rows = summary.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect([row[1], row[3] ?? null]).toEqual([row[1], at(figures, String(row[1])) ?? null]);
    expect(workbook.getWorksheet('Dossiers')!.actualRowCount - 1).toBe(6);
    const petitions = workbook.getWorksheet('Petitions')!.getSheetValues().flat().map(String).join(' ');
    expect(petitions).toContain('Kiến nghị về hạ tầng giao thông đến cụm công nghiệp An Lão, Hải Phòng');
    const pgiValues = workbook.getWorksheet('PGI')!.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    const q2 = await getPeriod('2026-Q2');
    const expected = q2.components.flatMap((c) => c.indicators.map((i) => i.value));
    expect(pgiValues.filter((r) => r[1] === '2026-Q2').map((r) => r[7] ?? null)).toEqual(expected);
  });

  it('when a DOCX is exported in Vietnamese, then its text carries the figures, the diacritics and a chart image', async () => {
    const docx = await exportAs(leader, 'docx');
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const f = formatters('vi');
    expect(text).toContain('Sở Công Thương thành phố Hải Phòng');
    expect(text).toContain('Kiến nghị');
    expect(text).toContain(`${f.number(figures.dossiers.onTime.ratePercent, 1)} %`);
    expect(text).toContain(`${f.number(figures.dossiers.averageProcessingWorkingDays, 1)} ngày làm việc`);
    expect(text).toContain(f.number(440_000_000));
    expect(text).toContain('Khu CN sinh thái Nam Cầu Kiền');
    expect(text).toContain('Sở sẽ làm việc với Ban quản lý để đẩy nhanh tiến độ.');
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toMatch(/<img src="data:image\/png;base64,/);
  });

  it('when a PDF is exported, then it reads back with Vietnamese text and its first page renders to a PNG', async () => {
    const pdf = await exportAs(officer, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, numpages } = await pdfParse(pdf);
    expect(numpages).toBeGreaterThanOrEqual(2);
    expect(text.normalize('NFC')).toContain('Hải Phòng');
    expect(text.normalize('NFC')).toContain('Kiến nghị');
    expect(text).toContain(formatters('vi').number(110_000, 3));

    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-pdf-'));
    writeFileSync(path.join(dir, 'briefing.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'briefing.pdf'), path.join(dir, 'page')]);
    const png = readFileSync(path.join(dir, 'page.png'));
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    rmSync(dir, { recursive: true, force: true });
  });

  it('when an English briefing is asked for, then the document is in English', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await exportAs(officer, 'docx', 'en') });
    expect(text).toContain('Hai Phong Department of Industry and Trade');
    expect(text).toContain('Business petitions by topic');
  });

  it('when anyone but an officer or a leader asks for an export or its file, then it is refused', async () => {
    expect((await as(admin).post(`/api/v1/conferences/${conferenceId}/exports`, { format: 'pdf' })).status).toBe(403);
    const list = await as(officer).get(`/api/v1/conferences/${conferenceId}/exports`);
    const done = list.body.items.find((x: { status: string }) => x.status === 'done');
    expect((await as(admin).get(done.download)).status).toBe(403);
  });

  it('when a file is asked for before its job ran, then it answers 409 with the progress', async () => {
    const requested = await as(officer).post(`/api/v1/conferences/${conferenceId}/exports`, { format: 'xlsx' });
    const res = await as(officer).get(`/api/v1/conferences/${conferenceId}/exports/${requested.body.id}/file`);
    expect(res.status).toBe(409);
    expect(res.body.exportStatus).toBe('queued');
    await scheduler().runDueJobs();
  });
});
