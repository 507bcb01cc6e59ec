import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dossierStatistics } from '../../../src/applications';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import type { Actor } from '../../../src/auth';
import { Types } from 'mongoose';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { conferenceFigures, onPetitionChange } from '../../../src/dialogue';
import { createConference } from '../../../src/dialogue/conference.service';
import { uploadSettingsFromConfig } from '../../../src/documents';
import { getPeriod, pgiOutboxDeliverer, pgiPetitionListener } from '../../../src/pgi';
import { seedDemo } from '../../../src/seed';
import { seedDemoHistory } from '../../../src/seed/demo-history';
import { useTestDatabase } from '../../support/test-database';

/**
 * "On time" has one definition (src/applications/timeliness.ts). On one history made through the real event
 * path (the demo's six past quarters), the leader statistics, the PGI indicator and the briefing's figures
 * (which its DOCX, PDF and XLSX print: export.test.ts) count the same decisions and the same late ones.
 */
describe('one on-time figure everywhere', () => {
  useTestDatabase();
  const calendar = DEFAULT_WORKING_CALENDAR;
  const NOW = new Date('2026-11-24T03:00:00Z');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-on-time-'));
  let stopListening: () => void;
  const officer: Actor = { kind: 'user', userId: String(new Types.ObjectId()), role: 'officer', name: 'Cán bộ thử' };

  beforeAll(async () => {
    registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
    stopListening = onPetitionChange(pgiPetitionListener({ calendar }));
    await seedDemo({ demoPassword: 'Demo-Password-1', dataDir: dir, isProduction: false });
    const uploads = uploadSettingsFromConfig({ uploadDir: path.join(dir, 'uploads'), maxUploadBytes: 5 * 1024 * 1024 });
    expect((await seedDemoHistory({ now: () => NOW, calendar, uploads })).dossiers).toBeGreaterThan(0);
  }, 300_000);
  afterAll(() => {
    stopListening();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([2025, 2026])('when the year %i is reported, then the statistics page, the PGI and the briefing count the same decisions on time', async (year) => {
    const statistics = await dossierStatistics(year, NOW, calendar);
    const pgi = (await getPeriod(String(year))).components.flatMap((c) => c.indicators).find((i) => i.indicator.id === 'c4_on_time_processing_rate')!;
    const conference = await createConference(officer, { title: `Hội nghị ${year}`, date: `${year}-12-20`, scope: { from: `${year}-01-01`, to: `${year}-12-31` } } as never, NOW);
    const briefing = (await conferenceFigures(conference.id, { now: () => NOW, calendar })).dossiers.onTime;

    expect(statistics.decided).toBeGreaterThan(0);
    // The history holds late decisions too, so agreeing is not agreeing on "all on time".
    expect(statistics.onTime).toBeLessThan(statistics.decided);
    expect([pgi.denominator, pgi.numerator]).toEqual([statistics.decided, statistics.onTime]);
    expect([briefing.decided, briefing.onTime]).toEqual([statistics.decided, statistics.onTime]);
    expect(briefing.ratePercent).toBeCloseTo((statistics.onTime / statistics.decided) * 100, 1);
    expect(pgi.value).toBeCloseTo((statistics.onTime / statistics.decided) * 100, 6);
  });
});
