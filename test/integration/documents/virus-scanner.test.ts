import { type VirusScanner } from '../../../src/documents';
import { useTestDatabase } from '../../support/test-database';
import { minimalPdf } from '../../fixtures/uploads/sample-files';
import { createEprDraft, filesUnder, upload, useDocumentWorld } from './document-test-kit';
import { DossierDocumentModel } from '../../../src/documents/document.model';

/** Stands in for clamd: the EICAR marker is "infected", a marker of our own makes the scanner fail. */
const scanner: VirusScanner = async (file) => {
  const { readFile } = await import('node:fs/promises');
  const content = (await readFile(file.path)).toString('latin1');
  if (content.includes('SCANNER-DOWN')) throw new Error('clamd: connection refused');
  return content.includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE') ? 'infected' : 'clean';
};

describe('the virus-scanner hook', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database, { scanner });

  it.each([
    ['the scanner finds malware', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE', 415, 'infected'],
    ['the scanner is down (fail closed)', 'SCANNER-DOWN', 503, undefined],
  ])('when %s, then the upload is refused and nothing is stored', async (_what, marker, status, reason) => {
    const dossierId = await createEprDraft(world);
    const res = await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'p.pdf', bytes: minimalPdf(marker) }]);
    expect(res.status).toBe(status);
    if (reason) expect(res.body.reason).toBe(reason);
    expect(await DossierDocumentModel.countDocuments({ dossierId })).toBe(0);
    expect(await filesUnder(world.uploadDir)).toEqual([]);
  });

  it('when the scanner finds the file clean, then it is stored', async () => {
    const dossierId = await createEprDraft(world);
    await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'p.pdf', bytes: minimalPdf('clean') }]).expect(201);
  });
});
