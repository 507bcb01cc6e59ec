import { setTimeout as delay } from 'node:timers/promises';
import { Types } from 'mongoose';
import { ApplicationModel } from '../../../src/applications/application.model';
import { applyEvent } from '../../../src/applications/apply-event';
import { createApplication } from '../../../src/applications/application.service';
import { editDossier } from '../../../src/applications/dossier-changes';
import { DossierEventModel } from '../../../src/applications/dossier-event.model';
import type { Actor } from '../../../src/auth';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { isAppError } from '../../../src/errors';
import { createOrganization } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { useTestDatabase } from '../../support/test-database';
import { DossierDocumentModel } from '../../../src/documents/document.model';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 1000);
const EDITS_PER_ROUND = 3;
const CONCURRENT_ROUNDS = 8;

interface RoundOutcome {
  submitAcknowledged: boolean;
  editsAcknowledged: number;
  rollbacks: number;
  editsAfterSubmit: number;
  lostEdits: number;
}

/**
 * FerretDB applies an update by reading and rewriting the whole document, so an edit that wrote the dossier
 * itself could roll an acknowledged SUBMIT back. With the log as the document's one writer it cannot: each
 * round races one SUBMIT against edits started a few milliseconds apart, then reads the truth back.
 */
describe('fault: data edits racing SUBMIT', () => {
  useTestDatabase();
  const now = () => new Date();
  const deps = { now, calendar: DEFAULT_WORKING_CALENDAR };
  let applicant: Actor;

  beforeAll(async () => {
    applicant = { kind: 'user', userId: String(new Types.ObjectId()), role: 'business', organizationId: await createOrganization(), name: 'Người nộp' };
  });

  async function round(index: number): Promise<RoundOutcome> {
    const draft = await createApplication(applicant, { type: 'epr', title: `Vòng ${index}`, data: EPR_DATA }, now());
    const id = String(draft._id);
    await attachDocuments(id, eprRequiredDocuments(), (applicant as { userId: string }).userId);
    const acknowledged = (promise: Promise<unknown>) =>
      promise.then(
        () => true,
        (error: unknown) => {
          if (isAppError(error) && error.code === 'conflict') return false;
          throw error;
        },
      );
    const submit = acknowledged(applyEvent(applicant, id, { type: 'SUBMIT', payload: { declaration: true } }, deps));
    const edits = Array.from({ length: EDITS_PER_ROUND }, async (_, i) => {
      await delay(i * 3);
      const placedOnMarketKg = 500_000 + index * 10 + i;
      return acknowledged(editDossier(applicant, id, { data: { productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg }] } }, now()));
    });
    const [submitAcknowledged, ...editResults] = await Promise.all([submit, ...edits]);

    const log = await DossierEventModel.find({ dossierId: id }).sort({ sequence: 1 }).lean();
    const cache = await ApplicationModel.findById(id).lean();
    const submitAt = log.findIndex((e) => (e.event as { type: string }).type === 'SUBMIT');
    const editEntries = log.filter((e) => (e.event as { type: string }).type === 'UPDATE_DATA');
    const editsAcknowledged = editResults.filter(Boolean).length;
    const head = log.at(-1);
    const rolledBack = (submitAcknowledged && submitAt < 0) || !cache || cache.sequence !== log.length || (head !== undefined && cache.state !== head.to);
    await Promise.all([
      DossierDocumentModel.deleteMany({ dossierId: draft._id }),
      DossierEventModel.deleteMany({ dossierId: draft._id }),
      ApplicationModel.deleteOne({ _id: draft._id }),
    ]);
    return {
      submitAcknowledged: Boolean(submitAcknowledged),
      editsAcknowledged,
      rollbacks: rolledBack ? 1 : 0,
      editsAfterSubmit: submitAt < 0 ? 0 : editEntries.filter((e) => e.sequence > log[submitAt]!.sequence).length,
      lostEdits: editsAcknowledged - editEntries.length,
    };
  }

  it(`when ${ROUNDS} rounds each race one SUBMIT against ${EDITS_PER_ROUND} edits, then no acknowledged submission is rolled back and no edit lands after it`, async () => {
    const started = performance.now();
    const outcomes: RoundOutcome[] = [];
    for (let next = 0; next < ROUNDS; next += CONCURRENT_ROUNDS) {
      outcomes.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENT_ROUNDS, ROUNDS - next) }, (_, i) => round(next + i)))));
    }
    const sum = (pick: (o: RoundOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
    const figures = {
      rounds: outcomes.length,
      submitsAcknowledged: sum((o) => Number(o.submitAcknowledged)),
      editsAcknowledged: sum((o) => o.editsAcknowledged),
      rollbacks: sum((o) => o.rollbacks),
      editsAfterSubmit: sum((o) => o.editsAfterSubmit),
      lostEdits: sum((o) => o.lostEdits),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    process.stdout.write(`edit-vs-submit race: ${JSON.stringify(figures)}\n`);
    expect(figures).toMatchObject({ rounds: ROUNDS, rollbacks: 0, editsAfterSubmit: 0, lostEdits: 0 });
    // The race is real: some submissions won, and some edits landed before them.
    expect(figures.submitsAcknowledged).toBeGreaterThan(0);
    expect(figures.editsAcknowledged).toBeGreaterThan(0);
  }, 900_000);
});
