import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { TFunction } from 'i18next';
import type { WorkingCalendar } from '../../calendar';
import { createTranslations, type Locale } from '../../i18n';
import type { JobHandler } from '../../jobs';
import { conferenceFigures } from '../conference-figures';
import { scopeDossierRows, type DossierRow } from '../dossier-rows';
import { conferencePetitions } from '../petition-figures';
import { PETITION_TOPICS, type PetitionTopic } from '../petition-topics';
import type { PetitionRecord } from '../petition.model';
import { BRIEFING_LIST_LIMIT, buildBriefing } from './briefing';
import { briefingDocx } from './docx-briefing';
import { ExportModel, type ExportRecord } from './export.model';
import { exportStorage } from './export-storage';
import { writeBriefingPdf } from './pdf-briefing';
import { writeWorkbook } from './xlsx-workbook';
import { progressReporter } from './progress';

export interface ExportJobDeps {
  now: () => Date;
  calendar: WorkingCalendar;
  /** DATA_DIR from the configuration; files go to `<dataDir>/exports`. */
  dataDir?: string;
  translate?: (locale: Locale) => TFunction;
}

async function petitionLists(conferenceId: string, figures: Awaited<ReturnType<typeof conferenceFigures>>) {
  const lists = new Map<PetitionTopic, PetitionRecord[]>();
  for (const topic of PETITION_TOPICS) {
    const items: PetitionRecord[] = [];
    for await (const p of conferencePetitions(conferenceId, figures.reportScope, { topic, limit: BRIEFING_LIST_LIMIT })) items.push(p);
    lists.set(topic, items);
  }
  return lists;
}

/**
 * Generates one export. Idempotent by construction: a finished export is left alone, and a re-run (after a
 * crash or an expired lease) writes the whole file again under its own temporary name before publishing it.
 */
export function dialogueExportJobHandler(deps: ExportJobDeps): JobHandler {
  const storage = exportStorage(deps.dataDir);
  let translations: ((locale: Locale) => TFunction) | undefined = deps.translate;
  return async (job) => {
    const { exportId } = job.payload as { exportId: string };
    const record = await ExportModel.findById(exportId).lean<ExportRecord>();
    if (!record || record.status === 'done') return;
    translations ??= createTranslations('vi');
    const t = translations(record.locale);
    const conferenceId = String(record.conferenceId);
    const progress = await progressReporter(exportId, conferenceId, record.format, deps.now());
    const fileName = `${exportId}.${record.format}`;
    const temporary = await storage.temporaryPath(fileName, job.attempt);
    try {
      const overdue: DossierRow[] = [];
      const figures = await conferenceFigures(conferenceId, deps, (row) => {
        if (row.overdueNow && overdue.length < BRIEFING_LIST_LIMIT) overdue.push(row);
        progress.tick('figures');
      });
      const asOf = new Date(figures.asOf);
      if (record.format === 'xlsx') {
        const dossierRows = scopeDossierRows(figures.reportScope, asOf, deps.calendar);
        const petitions = conferencePetitions(conferenceId, figures.reportScope);
        await writeWorkbook({ figures, t, dossierRows, petitions, onRow: () => progress.tick('rows') }, temporary);
      } else {
        const briefing = buildBriefing(figures, { overdue, petitions: await petitionLists(conferenceId, figures) }, t, record.locale);
        if (record.format === 'docx') await writeFile(temporary, await briefingDocx(briefing));
        else await writeBriefingPdf(briefing, createWriteStream(temporary));
      }
      const sizeBytes = await storage.publish(temporary, fileName);
      const finalProgress = await progress.finished();
      await ExportModel.updateOne({ _id: exportId }, { $set: { status: 'done', fileName, sizeBytes, asOf, finishedAt: deps.now(), progress: finalProgress }, $unset: { error: 1 } });
    } catch (error) {
      await progress.finished();
      await storage.discard(temporary);
      await ExportModel.updateOne({ _id: exportId }, { $set: { status: 'failed', error: (error as Error).message } });
      throw error;
    }
  };
}
