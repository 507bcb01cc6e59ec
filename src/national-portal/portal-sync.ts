import { Schema, model } from 'mongoose';
import { dossierSummary, nationalDossierAt, nationallyCodedDossiers, type NationalDossier, type NationalStep, type OutboxMessage } from '../applications';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { VIETNAM_UTC_OFFSET_MINUTES, localDateOf } from '../calendar';
import { certificateOfDossier } from '../certificates';
import { insertIfAbsent } from '../db';
import { dossierFileList } from '../documents';
import { createTranslations } from '../i18n';
import { DURABLE_RETRY, cancelJob, listJobs, scheduleJob, type JobHandler, type JobView } from '../jobs';
import type { Logger } from '../logging/logger';
import { organizationHolder } from '../organizations';
import { PortalError, portalFailureOf, type PortalClient, type PortalService } from './portal-client';
import { dossierRecord, progressRecord, type RecordContext } from './portal-records';
import type { PortalSettings } from './portal-settings';

export const PORTAL_PUSH_JOB = 'dvcqg-push';
export const PORTAL_CHECK_JOB = 'dvcqg-check';

/**
 * One document per record the portal took: `<dossier id>:<sequence>/<service>`. Inserted only after the portal
 * answered success, so a record is sent again only if we never learned that it arrived; the idempotency key sent
 * with it (the same `_id`) lets the portal take such a repeat once. A step is synced when its progress record is.
 */
const PortalDeliveryModel = model(
  'PortalDelivery',
  new Schema(
    { _id: String, dossierId: String, sequence: Number, service: String, nationalCode: String, status: Number, receipt: Boolean, answer: String, deliveredAt: Date },
    { versionKey: false },
  ),
  'dvcqg_deliveries',
);

/** How far the nightly check has looked at each dossier's log (written by the check alone). */
const PortalCheckModel = model('PortalCheck', new Schema({ _id: String, through: Number, checkedAt: Date }, { versionKey: false }), 'dvcqg_checks');

type DeliveryRecord = { _id: string; dossierId: string; sequence: number; service: PortalService; nationalCode: string; status: number; receipt?: boolean; answer: string; deliveredAt: Date };

const stepId = (dossierId: string, sequence: number) => `${dossierId}:${sequence}`;
const deliveryId = (dossierId: string, sequence: number, service: PortalService) => `${stepId(dossierId, sequence)}/${service}`;
const stepSynced = async (dossierId: string, sequence: number) => (await PortalDeliveryModel.exists({ _id: deliveryId(dossierId, sequence, 'CapNhatTienDoHoSoMC') })) !== null;

/**
 * Retried for 72 h like every owed effect, but at most 5 minutes apart (not 30): a step waiting for the one
 * before it is retried on its own clock, so after an outage a dossier's backlog drains a step per 5 minutes at
 * worst. Only the first waiting step of each dossier calls the portal; the others look at our own records.
 */
const PORTAL_RETRY = { ...DURABLE_RETRY, maxDelayMs: 5 * 60_000 };

/** A step's first push is `dvcqg:<step>`; each "send again" or nightly re-send adds a round, `#<round>`. */
function pushJob(dossierId: string, sequence: number, dueAt: Date, round?: string) {
  return { key: `dvcqg:${stepId(dossierId, sequence)}${round ? `#${round}` : ''}`, name: PORTAL_PUSH_JOB, dueAt, payload: { dossierId, sequence }, retry: PORTAL_RETRY };
}

/** The outbox deliverer of `report_progress`: the step's durable push job, retried with backoff for 72 h. */
export function progressReportDeliverer(now: () => Date): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    if (message.kind !== 'report_progress') return;
    await scheduleJob(pushJob(message.payload.dossierId, message.payload.sequence, now()));
  };
}

const vietnamese = createTranslations('vi')('vi');
const WORDING: RecordContext['wording'] = {
  eventLabel: (event) => vietnamese(`officer.events.${event}`),
  roleTitle: (role) => vietnamese(`admin.roles.${role}`),
  applicantUnit: 'Tổ chức, doanh nghiệp',
  system: vietnamese('admin.roles.system'),
};

async function contextOf(dossier: NationalDossier, settings: PortalSettings): Promise<RecordContext> {
  const [holder, documents, certificate] = await Promise.all([organizationHolder(dossier.organizationId), dossierFileList(dossier.dossierId), certificateOfDossier(dossier.dossierId)]);
  // The log holds the dossier, so its holder exists; until it reads back, nothing is sent.
  if (!holder) throw new Error(`the holder of dossier ${dossier.dossierId} is not found`);
  return {
    unitName: settings.unitName,
    procedure: settings.procedures[dossier.type],
    holder,
    documents,
    ...(certificate ? { certificate: { number: certificate.number, title: certificate.title, verifyUrl: `${settings.baseUrl}/certificates/verify?code=${encodeURIComponent(certificate.verificationCode)}` } } : {}),
    wording: WORDING,
  };
}

/**
 * Sends one progress step: the dossier record when the portal first hears of it or its status changed, then the
 * progress record, each once. Steps go in order: a step waits (and is retried) until the one before it arrived,
 * so the portal never hears of a step of a dossier it does not have.
 */
export function portalPushHandler(deps: { client: PortalClient; settings: PortalSettings; now: () => Date }): JobHandler {
  return async (job) => {
    const { dossierId, sequence } = job.payload as { dossierId: string; sequence: number };
    const dossier = await nationalDossierAt(dossierId, sequence);
    const index = dossier?.steps.findIndex((step) => step.sequence === sequence) ?? -1;
    if (!dossier || index < 0) return; // not a step the portal hears of: nothing to send
    for (const earlier of dossier.steps.slice(0, index)) {
      if (!(await stepSynced(dossierId, earlier.sequence))) throw new PortalError('waiting', String(earlier.sequence));
    }
    const step = dossier.steps[index]!;
    const context = await contextOf(dossier, deps.settings);
    const statusChanged = step.receipt || dossier.steps[index - 1]?.status !== step.status;
    const records: [PortalService, object][] = [
      ...(statusChanged ? [['DongBoHoSoMC', dossierRecord(dossier, step, context)] as [PortalService, object]] : []),
      ['CapNhatTienDoHoSoMC', progressRecord(dossier, step, context)],
    ];
    for (const [service, record] of records) {
      const id = deliveryId(dossierId, sequence, service);
      if (await PortalDeliveryModel.exists({ _id: id })) continue;
      const answer = await deps.client.send(service, id, record, job.signal);
      await insertIfAbsent(PortalDeliveryModel, { _id: id, dossierId, sequence, service, nationalCode: dossier.nationalCode, status: step.status, receipt: step.receipt && service === 'DongBoHoSoMC', answer, deliveredAt: deps.now() });
    }
  };
}

/** The local day after `now`, at 01:30: when the nightly check runs. */
function nextCheckAt(now: Date): { day: string; at: Date } {
  const day = localDateOf(new Date(now.getTime() + 86_400_000));
  return { day, at: new Date(Date.parse(`${day}T01:30:00Z`) - VIETNAM_UTC_OFFSET_MINUTES * 60_000) };
}

/** One check per local night, keyed by the day, so every instance may book it at start. */
export async function scheduleNightlyCheck(now: Date): Promise<void> {
  const { day, at } = nextCheckAt(now);
  await scheduleJob({ key: `${PORTAL_CHECK_JOB}:${day}`, name: PORTAL_CHECK_JOB, dueAt: at, payload: { day } });
}

export interface CheckReport {
  dossiersLooked: number;
  scheduled: number;
  resent: number;
}

/**
 * Re-sends what is missing: every step of a coded dossier whose log grew since the last check and that has no
 * delivery gets its push job (booked once by key: a step already pending is left alone), which also covers steps
 * logged before the adapter was configured; and every step whose push failed for good gets a new round.
 */
export async function checkPortalSync(now: Date, logger?: Pick<Logger, 'info'>): Promise<CheckReport> {
  const checked = new Map((await PortalCheckModel.find({}).lean<{ _id: string; through: number }[]>()).map((c) => [c._id, c.through]));
  const report: CheckReport = { dossiersLooked: 0, scheduled: 0, resent: 0 };
  for (const coded of await nationallyCodedDossiers()) {
    if ((checked.get(coded.dossierId) ?? 0) >= coded.sequence) continue;
    report.dossiersLooked++;
    const dossier = await nationalDossierAt(coded.dossierId, coded.sequence);
    for (const step of dossier?.steps ?? []) {
      if (await stepSynced(coded.dossierId, step.sequence)) continue;
      if ((await scheduleJob(pushJob(coded.dossierId, step.sequence, now))).created) report.scheduled++;
    }
    await PortalCheckModel.updateOne({ _id: coded.dossierId }, { $set: { through: coded.sequence, checkedAt: now } }, { upsert: true });
  }
  const round = localDateOf(now);
  for (const step of await unsyncedSteps()) {
    if (step.job.status !== 'failed') continue;
    if ((await scheduleJob(pushJob(step.dossierId, step.sequence, now, round))).created) report.resent++;
  }
  logger?.info({ ...report }, 'national portal check done');
  return report;
}

export function portalCheckHandler(deps: { now: () => Date; logger: Logger }): JobHandler {
  return async () => {
    await checkPortalSync(deps.now(), deps.logger);
    await scheduleNightlyCheck(deps.now());
  };
}

export interface UnsyncedStep {
  dossierId: string;
  sequence: number;
  /** The step's latest push job: pending (retrying) or failed for good. */
  job: JobView;
}

/** Steps not synced yet, each with its latest push job (a pending one before a failed one). */
async function unsyncedSteps(): Promise<UnsyncedStep[]> {
  const jobs = [...(await listJobs({ name: PORTAL_PUSH_JOB, status: 'pending', limit: 500 })), ...(await listJobs({ name: PORTAL_PUSH_JOB, status: 'failed', limit: 500 }))];
  const latest = new Map<string, UnsyncedStep>();
  for (const job of jobs) {
    const { dossierId, sequence } = job.payload as { dossierId: string; sequence: number };
    const id = stepId(dossierId, sequence);
    const kept = latest.get(id);
    if (kept && (kept.job.status === 'pending' || kept.job.createdAt >= job.createdAt)) continue;
    latest.set(id, { dossierId, sequence, job });
  }
  const steps = [...latest.values()];
  const synced = await Promise.all(steps.map((step) => stepSynced(step.dossierId, step.sequence)));
  return steps.filter((_, i) => !synced[i]);
}

/**
 * One dossier whose steps have not all arrived: its first step not synced (the one that holds the others back:
 * steps go in order), how that step's push stands, and how many later steps wait behind it.
 */
export interface SyncRow {
  /** The first unsynced step, `<dossier id>:<sequence>`: what "send again" takes. */
  step: string;
  dossierId: string;
  code?: string;
  nationalCode?: string;
  sequence: number;
  state: 'pending' | 'failed';
  attempts: number;
  nextRunAt?: Date;
  failure?: ReturnType<typeof portalFailureOf>;
  since: Date;
  /** Later steps of the dossier waiting behind this one. */
  waiting: number;
}

export interface SyncOverview {
  synced: number;
  /** Steps not synced yet, in all (the rows group them by dossier). */
  unsynced: number;
  pending: SyncRow[];
  failed: SyncRow[];
  recent: { step: string; dossierId: string; code?: string; nationalCode: string; sequence: number; service: PortalService; status: number; answer: string; deliveredAt: Date }[];
}

/** What the reconciliation page shows: how many steps arrived, the dossiers still retried or failed, the latest arrivals. */
export async function portalSyncOverview(): Promise<SyncOverview> {
  const [steps, synced, recent] = await Promise.all([
    unsyncedSteps(),
    PortalDeliveryModel.countDocuments({ service: 'CapNhatTienDoHoSoMC' }),
    PortalDeliveryModel.find({}).sort({ deliveredAt: -1 }).limit(20).lean<DeliveryRecord[]>(),
  ]);
  const byDossier = new Map<string, UnsyncedStep[]>();
  for (const step of steps) byDossier.set(step.dossierId, [...(byDossier.get(step.dossierId) ?? []), step]);
  const codes = async (dossierId: string): Promise<{ code?: string; nationalCode?: string }> => {
    const summary = await dossierSummary(dossierId);
    return summary ? { code: summary.code, ...(summary.nationalCode ? { nationalCode: summary.nationalCode } : {}) } : {};
  };
  const rows = await Promise.all(
    [...byDossier.values()].map(async (dossierSteps): Promise<SyncRow> => {
      const [first, ...later] = dossierSteps.sort((a, b) => a.sequence - b.sequence) as [UnsyncedStep, ...UnsyncedStep[]];
      return {
        step: stepId(first.dossierId, first.sequence),
        dossierId: first.dossierId,
        sequence: first.sequence,
        ...(await codes(first.dossierId)),
        // A dossier fails as soon as one of its steps failed for good: the rest cannot go before it.
        state: dossierSteps.some((s) => s.job.status === 'failed') ? 'failed' : 'pending',
        attempts: first.job.attempts,
        ...(first.job.nextRunAt && first.job.status === 'pending' ? { nextRunAt: first.job.nextRunAt } : {}),
        ...(first.job.lastError ? { failure: portalFailureOf(first.job.lastError) } : {}),
        since: first.job.createdAt,
        waiting: later.length,
      };
    }),
  );
  const oldestFirst = (a: SyncRow, b: SyncRow) => a.since.getTime() - b.since.getTime() || a.sequence - b.sequence;
  return {
    synced,
    unsynced: steps.length,
    pending: rows.filter((row) => row.state === 'pending').sort(oldestFirst),
    failed: rows.filter((row) => row.state === 'failed').sort(oldestFirst),
    recent: await Promise.all(recent.map(async (d) => ({ step: stepId(d.dossierId, d.sequence), dossierId: d.dossierId, code: (await codes(d.dossierId)).code, nationalCode: d.nationalCode, sequence: d.sequence, service: d.service, status: d.status, answer: d.answer, deliveredAt: d.deliveredAt }))),
  };
}

/**
 * "Send again" for a dossier from one step on: that step and every later one not synced get a new round due now
 * (their waiting or failed pushes are cancelled; a running attempt finishes, and its record, if it arrives,
 * counts). Returns 'synced' when the step had already arrived, 'unknown' when there is no such step.
 */
export async function resendStep(actor: Actor, step: string, at: Date, ip?: string): Promise<'scheduled' | 'synced' | 'unknown'> {
  const match = /^([0-9a-f]{24}):(\d{1,6})$/.exec(step);
  if (!match) return 'unknown';
  const [dossierId, sequence] = [match[1]!, Number(match[2])];
  if (await stepSynced(dossierId, sequence)) return 'synced';
  const summary = await dossierSummary(dossierId);
  const dossier = summary ? await nationalDossierAt(dossierId, summary.sequence) : undefined;
  if (!dossier?.steps.some((s: NationalStep) => s.sequence === sequence)) return 'unknown';
  const pending = await listJobs({ name: PORTAL_PUSH_JOB, status: 'pending', keyPrefix: `dvcqg:${dossierId}:`, limit: 500 });
  const resent: number[] = [];
  for (const later of dossier.steps.filter((s) => s.sequence >= sequence)) {
    if (await stepSynced(dossierId, later.sequence)) continue;
    for (const job of pending.filter((j) => (j.payload as { sequence: number }).sequence === later.sequence)) await cancelJob(job.key, 'sent again by an administrator', at);
    await scheduleJob(pushJob(dossierId, later.sequence, at, `r${at.getTime()}`));
    resent.push(later.sequence);
  }
  await recordAudit({ at, actor, action: 'dvcqg.resend', target: { kind: 'dossier', id: dossierId, label: dossier.nationalCode }, changedFields: resent.map((n) => `step ${n}`), ...(ip ? { ip } : {}) });
  return 'scheduled';
}

/** Dossiers the portal has (their receipt record arrived), for indicator 1.4. */
export async function dossiersOnPortal(): Promise<Set<string>> {
  const receipts = await PortalDeliveryModel.find({ receipt: true }, { dossierId: 1 }).lean<{ dossierId: string }[]>();
  return new Set(receipts.map((r) => r.dossierId));
}
