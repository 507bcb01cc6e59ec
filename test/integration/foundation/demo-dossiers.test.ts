import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationModel } from '../../../src/applications/application.model';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { uploadSettingsFromConfig } from '../../../src/documents';
import { seedDemo } from '../../../src/seed';
import { seedDemoDossiers } from '../../../src/seed/demo-dossiers';
import { useTestDatabase } from '../../support/test-database';
import { CertificateModel } from '../../../src/certificates/certificate.model';
import { DossierDocumentModel } from '../../../src/documents/document.model';

describe('the demo dossiers', () => {
  useTestDatabase();

  it('when the demo is seeded (twice at once), then four dossiers stand at different steps, through the real event path, once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-demo-dossiers-'));
    await seedDemo({ demoPassword: 'Demo-Password-1', dataDir: dir, isProduction: false });
    const deps = { now: () => new Date(), calendar: DEFAULT_WORKING_CALENDAR, uploads: uploadSettingsFromConfig({ uploadDir: path.join(dir, 'uploads'), maxUploadBytes: 5 * 1024 * 1024 }) };

    const [a, b] = await Promise.all([seedDemoDossiers(deps), seedDemoDossiers(deps)]);
    expect(a + b).toBe(4);
    expect(await seedDemoDossiers(deps)).toBe(0);

    const states = (await ApplicationModel.find({}, { state: 1 }).lean()).map((d) => d.state).sort();
    expect(states).toEqual(['approved', 'awaiting_decision', 'draft', 'submitted']);
    expect(await CertificateModel.countDocuments()).toBe(1);
    expect(await DossierDocumentModel.countDocuments()).toBeGreaterThanOrEqual(9);
  });
});
