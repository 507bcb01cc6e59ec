import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { Actor } from '../../auth';
import { AppError, forbidden, notFound } from '../../errors';
import { scheduleJob } from '../../jobs';
import { loadConference } from '../conference.service';
import { ExportModel, type ExportFormat, type ExportRecord } from './export.model';
import type { ExportStorage } from './export-storage';

export const DIALOGUE_EXPORT_JOB = 'dialogue_export';

const MEDIA_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function presentExport(record: ExportRecord) {
  const { _id, conferenceId, format, locale, status, progress, requestedAt, startedAt, finishedAt, asOf, sizeBytes, error } = record;
  const id = _id;
  return {
    id,
    conferenceId: String(conferenceId),
    format,
    locale,
    status,
    progress: { phase: progress?.phase, done: progress?.done ?? 0, total: progress?.total ?? 0 },
    requestedAt,
    startedAt,
    finishedAt,
    asOf,
    sizeBytes,
    error,
    download: status === 'done' ? `/api/v1/conferences/${String(conferenceId)}/exports/${id}/file` : undefined,
  };
}

/** One click: records the request and schedules its generation; the caller polls the export for progress. */
export async function requestExport(actor: Actor, conferenceId: string, input: { format: ExportFormat; locale: 'vi' | 'en' }, now: Date) {
  if (actor.kind !== 'user') throw forbidden();
  const conference = await loadConference(conferenceId);
  const id = randomUUID();
  const record = await ExportModel.create({
    _id: id,
    conferenceId: conference._id,
    format: input.format,
    locale: input.locale,
    requestedBy: { userId: actor.userId, name: actor.name, role: actor.role },
    requestedAt: now,
    progress: { phase: 'queued', done: 0, total: 0 },
  });
  await scheduleJob({ key: `${DIALOGUE_EXPORT_JOB}:${id}`, name: DIALOGUE_EXPORT_JOB, dueAt: now, payload: { exportId: id } });
  return presentExport(record.toObject() as ExportRecord);
}

export async function loadExport(conferenceId: string, exportId: string): Promise<ExportRecord> {
  const record = Types.ObjectId.isValid(conferenceId) ? await ExportModel.findById(exportId).lean<ExportRecord>() : null;
  if (!record || String(record.conferenceId) !== conferenceId) throw notFound(`Export ${exportId}`);
  return record;
}

export async function listExports(conferenceId: string) {
  await loadConference(conferenceId);
  const items = await ExportModel.find({ conferenceId: new Types.ObjectId(conferenceId) }).sort({ requestedAt: -1 }).limit(100).lean<ExportRecord[]>();
  return { items: items.map(presentExport) };
}

/** The finished file with the headers a download needs; 409 while it is still being generated. */
export async function exportFile(conferenceId: string, exportId: string, storage: ExportStorage) {
  const record = await loadExport(conferenceId, exportId);
  if (record.status !== 'done' || !record.fileName) {
    throw new AppError('conflict', 'Not ready', { detail: `The export is ${record.status}.`, extensions: { exportStatus: record.status, progress: record.progress } });
  }
  const conference = await loadConference(conferenceId);
  const downloadName = `hoi-nghi-doi-thoai-${conference.date}-${record.locale}.${record.format}`;
  return { stream: storage.open(record.fileName), mediaType: MEDIA_TYPES[record.format], downloadName, sizeBytes: record.sizeBytes };
}
