import { findDossierSummaries } from '../../applications';
import { loadConference } from '../conference.service';
import { conferencePetitionList } from '../petition-figures';
import { reportScope } from '../report-scope';
import { ExportModel } from './export.model';

/** How many dossiers were received or decided in [from, before): the rows the figures pass reads. */
async function dossiersReceivedOrDecided(from: Date, before: Date, now: Date): Promise<number> {
  const [received, decided] = await Promise.all([
    findDossierSummaries({ submittedFrom: from, submittedBefore: before }, now),
    findDossierSummaries({ decidedFrom: from, decidedBefore: before }, now),
  ]);
  return new Set([...received, ...decided].map((summary) => summary._id)).size;
}

/** Rows between progress writes: often enough for a progress bar, rarely enough not to slow the export. */
const EVERY = 1000;

/**
 * Progress of one export as rows done over rows expected. The total is counted up front (the figures pass
 * reads every dossier once; the XLSX reads dossiers and petitions again to write them).
 */
export async function progressReporter(exportId: string, conferenceId: string, format: string, startedAt: Date) {
  const scope = reportScope((await loadConference(conferenceId)).scope);
  const [dossiers, petitionList] = await Promise.all([dossiersReceivedOrDecided(scope.startsAt, scope.endsAt, startedAt), conferencePetitionList(conferenceId, scope)]);
  const petitions = petitionList.length;
  const total = format === 'xlsx' ? 2 * dossiers + petitions : dossiers;
  let done = 0;
  let pending: Promise<unknown> = ExportModel.updateOne({ _id: exportId }, { $set: { status: 'running', startedAt, progress: { phase: 'figures', done, total } } }).exec();
  await pending;
  return {
    tick(phase: string): void {
      done += 1;
      if (done % EVERY !== 0) return;
      // Fire and chain: the cursor keeps going; writes stay in order and at most one is in flight.
      const at = done;
      // A lost progress write only makes the bar lag; it must not fail the export.
      pending = pending.then(() => ExportModel.updateOne({ _id: exportId }, { $set: { progress: { phase, done: at, total } } }).exec()).catch(() => undefined);
    },
    /** Waits for the last progress write, so the final status is never overwritten by a late one. */
    async finished(): Promise<{ phase: string; done: number; total: number }> {
      await pending;
      return { phase: 'done', done: total, total };
    },
  };
}
