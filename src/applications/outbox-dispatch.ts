import { Schema, model, trusted } from 'mongoose';
import { SYSTEM_SCHEDULER } from '../auth';
import type { WorkingCalendar } from '../calendar';
import { insertIfAbsent } from '../db';
import { isAppError } from '../errors';
import { DURABLE_RETRY, scheduleJob, type JobHandler } from '../jobs';
import type { Logger } from '../logging/logger';
import { applyEvent, type ApplyEventDeps, type EventInput } from './apply-event';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { issueCertificate, revokeCertificate } from '../certificates';
import { organizationProfile } from '../organizations';
import { DossierEventModel } from './dossier-event.model';
import { consultedAgenciesOf, type OutboxMessage } from './outbox';
import { clearOutboxMarkers, markOutboxPending, OUTBOX_MARKER_IN_FLIGHT_MS, pendingOutboxMarkers, removeOutboxMarkers } from './outbox-markers';

/**
 * One document per delivered outbox message: the insert makes each delivery happen once. It is written only
 * after the deliverer returned, and a deliverer returns only once its effect exists: the certificate issued
 * or revoked, the PGI contributions inserted, or a durable job scheduled that retries for 72 h and ends
 * visibly failed (deadlines, opinions, certificate expiry, mail). Anything less throws, and the sweep retries.
 */
const OutboxDeliveryModel = model('OutboxDelivery', new Schema({ _id: String, kind: String, deliveredAt: Date }, { versionKey: false }));

export const DEADLINE_JOB = 'dossier-deadline';
export const CERTIFICATE_EXPIRY_JOB = 'certificate-expiry';
export const OPINION_DEADLINE_JOB = 'opinion-deadline';

/** Kinds delivered here; `notify` and `project_pgi` are registered by the composition root. */
const deliverers: Partial<Record<OutboxMessage['kind'], (message: OutboxMessage) => Promise<void>>> = {
  async issue_certificate(message) {
    if (message.kind !== 'issue_certificate') return;
    const dossier = await ApplicationModel.findById(message.payload.dossierId).lean<ApplicationRecord>();
    // The log entry exists, so its dossier should too; until it does, no certificate: not delivered.
    if (!dossier) throw new Error(`no dossier ${message.payload.dossierId} to issue a certificate for`);
    const holder = await organizationProfile(dossier.organizationId);
    const certificate = await issueCertificate({
      dossierId: dossier._id,
      dossierCode: dossier.code,
      type: dossier.type,
      holderOrganizationId: dossier.organizationId,
      holderName: holder?.name ?? '',
      title: dossier.title,
      issuedAt: new Date(message.payload.decidedAt),
    });
    if (certificate.expiresAt) {
      await scheduleJob({ key: `certificate-expiry:${dossier._id}`, name: CERTIFICATE_EXPIRY_JOB, dueAt: certificate.expiresAt, payload: { dossierId: String(dossier._id) }, retry: DURABLE_RETRY });
    }
  },
  async revoke_certificate(message) {
    if (message.kind !== 'revoke_certificate') return;
    // Revoked when the leader decided it, not when the message got through (messages logged before the time
    // was carried fall back to now).
    const revoked = await revokeCertificate(message.payload.dossierId, message.payload.reasons, message.payload.revokedAt ? new Date(message.payload.revokedAt) : new Date());
    // Without a certificate yet (its issue_certificate still pending), revoking now would be a no-op that
    // the marker records as done, and the later issue would leave a valid certificate: wait for it.
    if (!revoked) throw new Error(`no certificate of dossier ${message.payload.dossierId} to revoke yet`);
  },
  async schedule_deadlines(message) {
    if (message.kind !== 'schedule_deadlines') return;
    const { dossierId, warningAt, dueAt } = message.payload;
    // Keys carry the due date: a restarted clock schedules new jobs, and the old ones find nothing to do.
    if (warningAt) await scheduleJob({ key: `deadline:${dossierId}:${dueAt}:warning`, name: DEADLINE_JOB, dueAt: new Date(warningAt), payload: { dossierId, dueAt, kind: 'warning' }, retry: DURABLE_RETRY });
    await scheduleJob({ key: `deadline:${dossierId}:${dueAt}:passed`, name: DEADLINE_JOB, dueAt: new Date(dueAt), payload: { dossierId, dueAt, kind: 'passed' }, retry: DURABLE_RETRY });
  },
  async schedule_intake_warning(message) {
    if (message.kind !== 'schedule_intake_warning') return;
    const { dossierId, warningAt, dueAt } = message.payload;
    await scheduleJob({ key: `intake:${dossierId}:${dueAt}:warning`, name: DEADLINE_JOB, dueAt: new Date(warningAt), payload: { dossierId, dueAt, kind: 'intake_warning' }, retry: DURABLE_RETRY });
  },
  async schedule_opinion_deadlines(message) {
    if (message.kind !== 'schedule_opinion_deadlines') return;
    const { dossierId, agencies } = message.payload;
    for (const { agency, dueAt } of agencies) {
      await scheduleJob({ key: `opinion:${dossierId}:${agency}:${dueAt}`, name: OPINION_DEADLINE_JOB, dueAt: new Date(dueAt), payload: { dossierId, agency, dueAt }, retry: DURABLE_RETRY });
    }
  },
};

/**
 * Redelivers what a crash, or a deliverer whose effect did not happen yet, left behind (run at start and by
 * the maintenance sweep). One entry that fails does not hold up the others; it is tried again next sweep.
 */
export async function dispatchPendingOutbox(logger?: Pick<Logger, 'warn'>): Promise<number> {
  const markers = await pendingOutboxMarkers();
  let delivered = 0;
  for (const entryId of new Set(markers.map((marker) => marker.entryId).filter((id): id is string => Boolean(id)))) {
    try {
      if (!(await DossierEventModel.exists({ _id: entryId }))) {
        // The entry was never inserted (a lost race or a crash before it): drop its settled markers.
        await removeOutboxMarkers(markers.filter((m) => m.entryId === entryId && (!m.at || Date.now() - m.at.getTime() > OUTBOX_MARKER_IN_FLIGHT_MS)).map((m) => m._id));
        continue;
      }
      delivered += await dispatchOutbox(entryId);
    } catch (error) {
      logger?.warn({ err: error, entryId }, 'outbox messages not delivered yet; the next sweep tries again');
    }
  }
  return delivered;
}

/**
 * Every log entry that has outbox messages, delivered where not yet: once per installation, for entries
 * logged before the markers existed (start-up runs it through the read-model upgrades).
 */
export async function dispatchEveryOutbox(logger?: Pick<Logger, 'warn'>): Promise<number> {
  const kinds = [...new Set([...Object.keys(deliverers), ...registered.keys()])];
  // Two reads, each one pass: the entries with messages and what was delivered; then only entries with a
  // message not delivered yet are dispatched (one by one, each lookup by `_id`).
  const [entries, deliveries] = await Promise.all([
    DossierEventModel.find({ 'outbox.kind': trusted({ $in: kinds }) }, { 'outbox.id': 1, 'outbox.kind': 1 }).lean<{ _id: string; outbox: { id: string; kind: string }[] }[]>(),
    OutboxDeliveryModel.find({}, { _id: 1 }).lean<{ _id: string }[]>(),
  ]);
  const done = new Set(deliveries.map((delivery) => delivery._id));
  const undelivered = entries.filter((entry) => entry.outbox.some((message) => kinds.includes(message.kind) && !done.has(message.id)));
  let delivered = 0;
  for (const entry of undelivered) {
    try {
      delivered += await dispatchOutbox(entry._id);
    } catch (error) {
      logger?.warn({ err: error, entryId: entry._id }, 'outbox messages not delivered yet');
      await markOutboxPending(entry._id);
    }
  }
  return delivered;
}

type Deliverer = (message: OutboxMessage) => Promise<void>;
const registered = new Map<string, Deliverer>();

/**
 * Other capabilities (mail, PGI) consume outbox messages through this, called from the composition root
 * (src/server.ts, test setup), never at import. A deliverer must be idempotent by `message.id`.
 */
export function registerOutboxDeliverer(kind: OutboxMessage['kind'], deliverer: Deliverer): void {
  registered.set(kind, deliverer);
}

const delivererFor = (kind: OutboxMessage['kind']): Deliverer | undefined => registered.get(kind) ?? deliverers[kind];

/** Delivers the outbox messages of one log entry; safe to call any number of times. */
export async function dispatchOutbox(entryId: string, known?: readonly OutboxMessage[]): Promise<number> {
  // The writer passes the messages it just logged, sparing a read; the sweep reads them from the log.
  const messages = known ?? (((await DossierEventModel.findById(entryId, { outbox: 1 }).lean())?.outbox ?? []) as OutboxMessage[]);
  let delivered = 0;
  const failures: unknown[] = [];
  for (const message of messages) {
    const deliver = delivererFor(message.kind);
    if (!deliver) continue;
    if (await OutboxDeliveryModel.exists({ _id: message.id })) continue;
    try {
      await deliver(message); // idempotent by its own keys, so a crash before the marker is harmless
    } catch (error) {
      failures.push(error); // the entry's other messages still go; this one stays unmarked for the sweep
      continue;
    }
    if (await insertIfAbsent(OutboxDeliveryModel, { _id: message.id, kind: message.kind, deliveredAt: new Date() })) delivered++;
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} outbox message(s) of ${entryId} not delivered`);
  await clearOutboxMarkers(entryId);
  return delivered;
}

/**
 * The scheduler's handler for deadline jobs: sends DEADLINE_WARNING / DEADLINE_PASSED through the one event
 * path. A dossier already decided, or whose clock moved, refuses the event: that is the job's normal end.
 */
export function deadlineJobHandler(deps: { now: () => Date; calendar: WorkingCalendar }): JobHandler {
  return async (job) => {
    const { dossierId, dueAt, kind } = job.payload as { dossierId: string; dueAt: string; kind: 'warning' | 'passed' | 'intake_warning' };
    const type = kind === 'passed' ? 'DEADLINE_PASSED' : 'DEADLINE_WARNING';
    // A clock that restarted or paused since scheduling has a new due date; this job is then stale. So is a
    // completeness check that ended (accepted, refused, sent back) or started again.
    const dossier = await ApplicationModel.findById(dossierId, { deadlines: 1 }).lean();
    const deadlines = dossier?.deadlines as { currentDueAt?: Date | null; receivedAt?: Date; intake?: { dueAt?: Date } | null } | undefined;
    const watched = kind === 'intake_warning' ? (deadlines?.receivedAt ? undefined : deadlines?.intake?.dueAt) : deadlines?.currentDueAt;
    if (!watched || new Date(watched).toISOString() !== dueAt) return;
    await sendSystemEvent(dossierId, { type, payload: { dueAt } }, deps);
  };
}

/**
 * Sends a scheduler event through the one event path. Losing a race to another writer (409) is retried at
 * once, since the system event is still due; a refusal (decided dossier) or a missing dossier ends the job.
 */
async function sendSystemEvent(dossierId: string, input: EventInput, deps: ApplyEventDeps): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await applyEvent(SYSTEM_SCHEDULER, dossierId, input, deps);
      if (applied.outbox.length > 0) await dispatchOutbox(applied.entryId, applied.outbox);
      return;
    } catch (error) {
      if (isAppError(error) && (error.code === 'invalid_transition' || error.code === 'not_found')) return;
      if (isAppError(error) && error.code === 'conflict' && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * Reports an agency that did not answer by its due date (OPINION_OVERDUE), so a consultation cannot wait
 * for ever. An agency that answered, or was asked again with a later date, makes the job stale: it ends.
 */
export function opinionDeadlineJobHandler(deps: { now: () => Date; calendar: WorkingCalendar }): JobHandler {
  return async (job) => {
    const { dossierId, agency, dueAt } = job.payload as { dossierId: string; agency: string; dueAt: string };
    const dossier = await ApplicationModel.findById(dossierId, { snapshot: 1 }).lean();
    const record = consultedAgenciesOf(dossier?.snapshot)[agency];
    if (!record || record.status !== 'pending' || record.dueAt !== dueAt) return;
    await sendSystemEvent(dossierId, { type: 'OPINION_OVERDUE', payload: { agency } }, deps);
  };
}

/** Moves an approved dossier to `expired` when its certificate's validity ends. */
export function certificateExpiryJobHandler(deps: { now: () => Date; calendar: WorkingCalendar }): JobHandler {
  return async (job) => {
    const { dossierId } = job.payload as { dossierId: string };
    await sendSystemEvent(dossierId, { type: 'CERTIFICATE_EXPIRED' }, deps);
  };
}
