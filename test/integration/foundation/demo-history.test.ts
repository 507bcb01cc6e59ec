import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trusted } from 'mongoose';
import { ApplicationModel } from '../../../src/applications/application.model';
import { dossierHistory } from '../../../src/applications/dossier-history.service';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import { registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { SYSTEM_SCHEDULER } from '../../../src/auth';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { onPetitionChange } from '../../../src/dialogue';
import { ConferenceModel } from '../../../src/dialogue/conference.model';
import { PetitionModel } from '../../../src/dialogue/petition.model';
import { uploadSettingsFromConfig } from '../../../src/documents';
import { getPeriod, periodsOf, pgiOutboxDeliverer, pgiPetitionListener } from '../../../src/pgi';
import { seedDemo } from '../../../src/seed';
import { seedDemoHistory } from '../../../src/seed/demo-history';
import { useTestDatabase } from '../../support/test-database';

/** A fixed present: the six complete quarters before it are 2025-Q2 … 2026-Q3. */
const NOW = new Date('2026-11-24T03:00:00Z');
const QUARTERS = ['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

describe('the demo history', () => {
  useTestDatabase();
  const calendar = DEFAULT_WORKING_CALENDAR;
  let stopListening: () => void;

  beforeAll(() => {
    // What the composition root wires: decisions and petition answers reach the PGI as they happen.
    registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
    stopListening = onPetitionChange(pgiPetitionListener({ calendar }));
  });
  afterAll(() => stopListening());

  it('when seeded (twice at once, then again), then six past quarters hold decided dossiers, petitions and PGI figures, once, with intact chains', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-demo-history-'));
    await seedDemo({ demoPassword: 'Demo-Password-1', dataDir: dir, isProduction: false });
    const uploads = uploadSettingsFromConfig({ uploadDir: path.join(dir, 'uploads'), maxUploadBytes: 5 * 1024 * 1024 });
    const deps = { now: () => NOW, calendar, uploads };

    const runs = await Promise.all([seedDemoHistory(deps), seedDemoHistory(deps)]);
    const seeded = runs.find((r) => r.dossiers > 0)!;
    expect(runs.filter((r) => r.dossiers > 0)).toHaveLength(1);
    expect(seeded.quarters).toEqual(QUARTERS);
    const counts = async () => [await ApplicationModel.countDocuments(), await DossierEventModel.countDocuments(), await PetitionModel.countDocuments(), await ConferenceModel.countDocuments()];
    const before = await counts();
    expect(await seedDemoHistory(deps)).toEqual({ dossiers: 0, petitions: 0, quarters: [] });
    expect(await counts()).toEqual(before);

    // Every dossier was decided inside one of the six quarters, all four types appear, and some were refused.
    const dossiers = await ApplicationModel.find({}, { type: 1, state: 1, decidedAt: 1, title: 1 }).lean<{ _id: unknown; type: string; state: string; decidedAt?: Date; title: string }[]>();
    expect(dossiers).toHaveLength(seeded.dossiers);
    expect(dossiers.every((d) => d.decidedAt && QUARTERS.includes(periodsOf(d.decidedAt).quarter) && d.title.endsWith('(demo)'))).toBe(true);
    expect(new Set(dossiers.map((d) => periodsOf(d.decidedAt!).quarter)).size).toBe(6);
    expect(new Set(dossiers.map((d) => d.type))).toEqual(new Set(['epr', 'renewable_energy', 'emissions_reduction', 'green_transformation']));
    expect(dossiers.filter((d) => d.state === 'rejected').length).toBeGreaterThanOrEqual(2);
    // Late decisions carry form 04; supplementation rounds, a lapsed opinion and expired EPR certificates happened on the way.
    expect(await DossierEventModel.countDocuments({ 'event.type': trusted({ $in: ['APPROVE', 'REJECT'] }), 'event.apologyNote': trusted({ $exists: true }) })).toBeGreaterThanOrEqual(2);
    for (const type of ['DEADLINE_PASSED', 'REQUEST_SUPPLEMENT', 'RESUBMIT', 'OPINION_OVERDUE', 'CERTIFICATE_EXPIRED']) {
      expect(await DossierEventModel.countDocuments({ 'event.type': type })).toBeGreaterThan(0);
    }

    for (const dossier of dossiers) {
      expect((await dossierHistory(SYSTEM_SCHEDULER, String(dossier._id))).chain.intact).toBe(true);
    }

    // Petitions: most answered, a few still open.
    expect(await PetitionModel.countDocuments({ status: trusted({ $in: ['answered', 'closed'] }) })).toBeGreaterThanOrEqual(10);
    expect(await PetitionModel.countDocuments({ status: trusted({ $in: ['received', 'assigned'] }) })).toBeGreaterThan(0);

    // The PGI has history: in at least four of the six quarters, every component has a figure.
    const views = await Promise.all(QUARTERS.map((id) => getPeriod(id)));
    const valued = (component: number) => views.filter((v) => v.components[component - 1]!.indicators.some((i) => i.value !== null)).length;
    for (const component of [1, 2, 3, 4]) expect(valued(component)).toBeGreaterThanOrEqual(component === 3 ? 3 : 4);
    const series = (id: string) => views.map((v) => v.components.flatMap((c) => c.indicators).find((i) => i.indicator.id === id)!.value);
    expect(series('c4_petitions_answered').filter((v) => v !== null).length).toBeGreaterThanOrEqual(5);
    expect(series('c4_petition_answer_working_days').filter((v) => v !== null).length).toBeGreaterThanOrEqual(5);
    expect(series('c4_on_time_processing_rate').every((v) => v !== null)).toBe(true);
    expect(series('c4_on_time_processing_rate').some((v) => v! < 100)).toBe(true);
    // Figures move between quarters.
    expect(new Set(series('c1_renewable_capacity_kwp')).size).toBeGreaterThanOrEqual(4);
    expect(new Set(series('c4_average_processing_working_days')).size).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
