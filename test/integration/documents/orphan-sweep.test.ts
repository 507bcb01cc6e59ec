import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { DOCUMENT_SWEEP_JOB, documentSweepJobHandler, sweepOrphanedDocuments } from '../../../src/documents';
import { getJob } from '../../../src/jobs';
import { useTestDatabase } from '../../support/test-database';
import { minimalPdf } from '../../fixtures/uploads/sample-files';
import { createEprDraft, filesUnder, upload, useDocumentWorld } from './document-test-kit';
import { DossierDocumentModel } from '../../../src/documents/document.model';

const HOUR = 60 * 60 * 1000;

describe('the orphan sweep', () => {
  const database = useTestDatabase();
  const world = useDocumentWorld(database);

  async function ageFile(file: string, ageMs: number) {
    const then = new Date(Date.now() - ageMs);
    await utimes(file, then, then);
  }

  it('when files have no record, then old ones are deleted, young ones kept, and records without a file reported', async () => {
    const dossierId = await createEprDraft(world);
    const kept = await upload(world, world.business, dossierId, 'recycling_plan', [{ name: 'p.pdf', bytes: minimalPdf() }]).expect(201);
    const keptRecord = await DossierDocumentModel.findById(kept.body.items[0].id).lean();
    await ageFile(path.join(world.uploadDir, keptRecord!.storageKey), 48 * HOUR);

    await world.uploads.store.put('old-orphan', Readable.from([Buffer.from('left by a crash')]));
    await ageFile(path.join(world.uploadDir, 'old-orphan'), 48 * HOUR);
    await world.uploads.store.put('young-orphan', Readable.from([Buffer.from('an upload in progress')]));
    const staleStaging = path.join(world.uploads.stagingDir, 'stale');
    await mkdir(world.uploads.stagingDir, { recursive: true });
    await writeFile(staleStaging, 'staged before a crash');
    await ageFile(staleStaging, 48 * HOUR);
    const ghost = await new DossierDocumentModel({
      dossierId: new Types.ObjectId(dossierId),
      code: 'business_registration',
      version: 1,
      originalName: 'ghost.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      storageKey: 'ghost-key',
      uploadedBy: new Types.ObjectId(world.business.id),
    }).save();

    const report = await sweepOrphanedDocuments({ store: world.uploads.store, scratchDirs: world.uploads.scratchDirs, now: new Date(), graceMs: 6 * HOUR });

    expect(report.deletedKeys).toEqual(['old-orphan']);
    expect(report.deletedScratchFiles).toBe(1);
    expect(report.missingFiles).toEqual([{ documentId: String(ghost._id), dossierId, storageKey: 'ghost-key' }]);
    const remaining = await filesUnder(world.uploadDir);
    expect(remaining).toEqual(expect.arrayContaining([path.join(world.uploadDir, keptRecord!.storageKey), path.join(world.uploadDir, 'young-orphan')]));
    expect(remaining).toHaveLength(2);
    expect(await DossierDocumentModel.countDocuments({ storageKey: 'ghost-key' })).toBe(1);
  });

  it('when the scheduled sweep job runs, then it sweeps and schedules the next day once', async () => {
    const now = new Date('2030-03-10T20:00:00Z');
    const handler = documentSweepJobHandler({ uploads: world.uploads, now: () => now });
    const context = { key: `${DOCUMENT_SWEEP_JOB}:2030-03-10`, name: DOCUMENT_SWEEP_JOB, payload: null, attempt: 1, signal: new AbortController().signal };
    await handler(context);
    await handler({ ...context, attempt: 2 });
    const next = await getJob(`${DOCUMENT_SWEEP_JOB}:2030-03-11`);
    expect(next).toMatchObject({ name: DOCUMENT_SWEEP_JOB, status: 'pending' });
  });
});
