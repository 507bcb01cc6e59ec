import { dossierSummary } from '../applications';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { conflict, notFound } from '../errors';
import { DURABLE_RETRY, getJob, listJobs, scheduleJob, type JobView } from '../jobs';
import { MAIL_JOB } from './mail-delivery.job';
import { errorCodeOf, mailErrorKind, type MailErrorKind } from './mail-not-sent';

/** A mail job that has failed at least once: still retrying (`failing`) or given up after 72 h (`failed`). */
export interface MailProblem {
  jobKey: string;
  state: 'failing' | 'failed';
  template: string;
  dossierCode: string;
  attempts: number;
  /** Transport codes only (ECONNREFUSED, 421 …): the transport's messages may quote addresses. */
  errorCode: string;
  /** The codes in words an administrator can act on (unreachable, refused, authentication …). */
  errorKind: MailErrorKind;
  firstDueAt: Date;
  nextRetryAt?: Date;
  failedAt?: Date;
  /** The job that sends a failed mail again, once an admin asked for it. */
  resentAs?: { jobKey: string; status: string };
}

/** A failed mail is sent again by a new job keyed after it, so a second click finds the first resend. */
export const resendKeyOf = (jobKey: string): string => `${jobKey}/again`;

async function toProblem(job: JobView): Promise<MailProblem> {
  const payload = (job.payload ?? {}) as { template?: string; dossierId?: string };
  const dossier = payload.dossierId ? await dossierSummary(payload.dossierId) : undefined;
  const problem: MailProblem = {
    jobKey: job.key,
    state: job.status === 'failed' ? 'failed' : 'failing',
    template: payload.template ?? '',
    dossierCode: (dossier?.code as string | undefined) ?? '',
    attempts: job.attempts,
    errorCode: errorCodeOf(job.lastError),
    errorKind: mailErrorKind(errorCodeOf(job.lastError)),
    firstDueAt: job.dueAt,
    ...(job.status === 'pending' && job.nextRunAt && { nextRetryAt: job.nextRunAt }),
    ...(job.status === 'failed' && job.settledAt && { failedAt: job.settledAt }),
  };
  if (job.status === 'failed') {
    const resend = await getJob(resendKeyOf(job.key));
    if (resend) problem.resentAs = { jobKey: resend.key, status: resend.status };
  }
  return problem;
}

/**
 * Mail that is not getting through: pending jobs with a failed attempt, and jobs that gave up. Newest first.
 * Reads the jobs collection by name and status (MongoDB: the { status, runAt } index; FerretDB scans it, as
 * the scheduler's poll does anyway).
 */
export async function listMailProblems(limit = 200): Promise<MailProblem[]> {
  const [pending, failed] = await Promise.all([listJobs({ name: MAIL_JOB, status: 'pending', limit: 500 }), listJobs({ name: MAIL_JOB, status: 'failed', limit: 500 })]);
  const problems = [...pending.filter((job) => job.attempts > 0 && job.lastError), ...failed];
  problems.sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime() || a.key.localeCompare(b.key));
  return Promise.all(problems.slice(0, limit).map(toProblem));
}

/**
 * Queues a failed mail again as a fresh job (an insert: the old job and its completion stay as they are, so
 * no two writers ever share a document). Recipients already served are skipped by sent_mail, so it is sent
 * once to those who did not get it. Audited when it queues; a repeated request finds the same job.
 */
export async function resendFailedMail(jobKey: string, actor: Actor, now: Date): Promise<{ jobKey: string; created: boolean }> {
  const job = await getJob(jobKey);
  if (!job || job.name !== MAIL_JOB) throw notFound('Mail');
  if (job.status !== 'failed') throw conflict('Only a mail that failed for good can be sent again; this one is still being retried or was sent.');
  const { created, job: resend } = await scheduleJob({ key: resendKeyOf(jobKey), name: MAIL_JOB, dueAt: now, payload: job.payload, retry: DURABLE_RETRY });
  if (created) {
    const template = (job.payload as { template?: string } | null)?.template;
    await recordAudit({ at: now, actor, action: 'mail.resent', target: { kind: 'mail', id: jobKey, ...(template && { label: template }) } });
  }
  return { jobKey: resend.key, created };
}
