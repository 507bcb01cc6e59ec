import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getWorkflow } from '../../workflows/registry';
import { createApplication, loadReadableDossier, presentDossier } from '../applications/application.service';
import { DOSSIER_TYPES } from '../applications/dossier-types';
import { CERTIFICATE_EXPIRY_JOB, DEADLINE_JOB, certificateExpiryJobHandler, deadlineJobHandler } from '../applications/outbox-dispatch';
import { procedureSettings } from '../applications/procedure-settings';
import { findProcedure, requiredDocumentRules, type ProcedureFacts, type RequiredDocumentRule } from '../applications/procedures';
import { sendEvent } from '../applications/send-event';
import { SYSTEM_SCHEDULER, type Actor } from '../auth';
import { addWorkingDays, addWorkingDaysToLocalDate, localDateOf, type WorkingCalendar } from '../calendar';
import { uploadDocuments, type UploadSettings } from '../documents';
import type { JobHandler } from '../jobs';
import { demoPdf, demoFileName } from './demo-dossiers';
import { REJECTION_REASONS, type DossierSpec } from './demo-history.data';
import { CertificateModel } from '../certificates/certificate.model';

/** Working day `n` of a quarter (0: its first working day) and instants at local clock times on it. */
export interface Timeline {
  date(day: number): string;
  instant(day: number, time: string): Date;
}

export function quarterTimeline(startsAt: Date, calendar: WorkingCalendar): Timeline {
  const first = localDateOf(startsAt);
  const date = (day: number) => addWorkingDaysToLocalDate(first, day, calendar);
  return { date, instant: (day, time) => new Date(`${date(day)}T${time}:00+07:00`) };
}

/** Each required document's demo PDF, generated and staged once, then uploaded to every dossier that needs it. */
export interface DemoFiles {
  upload(actor: Actor, dossierId: string, rule: RequiredDocumentRule, uploads: UploadSettings, at: Date): Promise<void>;
  dispose(): Promise<void>;
}

export function demoFiles(): DemoFiles {
  const staged = new Map<string, Promise<{ path: string; originalName: string; sizeBytes: number; sha256: string }>>();
  const stage = async (rule: RequiredDocumentRule) => {
    const bytes = await demoPdf(rule.name_vi);
    const file = path.join(os.tmpdir(), `hp-green-demo-${randomUUID()}.pdf`);
    await writeFile(file, bytes);
    return { path: file, originalName: demoFileName(rule.name_vi), sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  return {
    async upload(actor, dossierId, rule, uploads, at) {
      if (!staged.has(rule.code)) staged.set(rule.code, stage(rule));
      const file = await staged.get(rule.code)!;
      await uploadDocuments(actor, { dossierId, code: rule.code, files: [file] }, uploads, at);
    },
    async dispose() {
      const files = await Promise.allSettled(staged.values());
      await Promise.all(files.map((f) => (f.status === 'fulfilled' ? rm(f.value.path, { force: true }) : undefined)));
    },
  };
}

export interface StoryContext {
  timeline: Timeline;
  year: number;
  calendar: WorkingCalendar;
  uploads: UploadSettings;
  files: DemoFiles;
  applicant: Actor;
  officer: Actor;
  leader: Actor;
  /** The real present: certificates that expired before it are expired at their own date, as the scheduler would have. */
  present: Date;
}

/** Working days from acceptance to the recommendation when nothing goes wrong (within every type's limit). */
const REVIEW_DAYS = { epr: 6, emissions_reduction: 8, renewable_energy: 2, green_transformation: 4 } as const;
const OPINION_DAYS_DEFAULT = 5;

const runJob = (handler: JobHandler, name: string, key: string, payload: Record<string, string>) =>
  handler({ key, name, payload, attempt: 1, signal: new AbortController().signal });

/**
 * One dossier's story through the real event path with a simulated clock: `open` files the draft on its day
 * (one at a time, so codes follow the order of filing); `run` then documents, submits, accepts, consults,
 * inspects, recommends and decides on later working days, alongside the quarter's other stories. The
 * scheduler's deadline jobs that fall due between two steps run in between, at their own times, through the
 * scheduler's own handler, so a late decision meets a dossier already marked overdue.
 */
export class DossierStory {
  private current: Date;
  private readonly deps: { now: () => Date; calendar: WorkingCalendar };
  private readonly dueJobs: { at: Date; kind: 'warning' | 'passed'; dueAt: string }[] = [];

  private constructor(
    private readonly spec: DossierSpec,
    private readonly ctx: StoryContext,
    private readonly id: string,
    private readonly version: number,
    private readonly data: Record<string, unknown>,
    openedAt: Date,
  ) {
    this.current = openedAt;
    this.deps = { now: () => this.current, calendar: ctx.calendar };
  }

  static async open(spec: DossierSpec, ctx: StoryContext): Promise<DossierStory> {
    const openedAt = ctx.timeline.instant(spec.day, '08:30');
    const data = spec.data({ year: ctx.year, date: ctx.timeline.date(spec.day) });
    const dossier = await createApplication(ctx.applicant, { type: spec.type, title: `${spec.title} ${ctx.year} (demo)`, data }, openedAt);
    return new DossierStory(spec, ctx, String(dossier._id), dossier.workflow.version, data, openedAt);
  }

  async run(): Promise<string> {
    const { spec, ctx } = this;
    const { applicant, officer, leader } = ctx;
    const rules = requiredDocumentRules(spec.type, DOSSIER_TYPES[spec.type].documentCircumstances(this.data) as ProcedureFacts);
    await this.advance(spec.day, '08:50');
    for (const rule of rules) await ctx.files.upload(applicant, this.id, rule, ctx.uploads, this.current);
    await this.advance(spec.day, '09:20');
    await this.send(applicant, 'SUBMIT', { declaration: true });

    let day = spec.day;
    if (spec.supplement) {
      await this.advance(day + 2, '10:15');
      await this.send(officer, 'REQUEST_SUPPLEMENT', { reasons: [spec.supplement] });
      day += 4;
      await this.advance(day, '14:00');
      await ctx.files.upload(applicant, this.id, rules[1] ?? rules[0]!, ctx.uploads, this.current);
      await this.advance(day, '14:20');
      await this.send(applicant, 'RESUBMIT', { declaration: true });
    }
    const receiptDay = day;

    day += 1;
    await this.advance(day, '09:30');
    await this.send(officer, 'ACCEPT');
    day = await this.consult(day);

    if (spec.inspection) {
      await this.advance(day + 1, '09:00');
      await this.send(officer, 'SCHEDULE_INSPECTION', { scheduledFor: ctx.timeline.date(day + 4) });
      day += 4;
      await this.advance(day, '15:30');
      await this.send(officer, 'RECORD_INSPECTION', { findings: 'Hệ thống xử lý nước thải và mạng cộng sinh vận hành đúng hồ sơ (demo).', passed: true });
    }

    const limit = procedureSettings(spec.type).limitWorkingDays;
    const rejection = REJECTION_REASONS[spec.type] ?? 'Hồ sơ chưa đáp ứng điều kiện (demo).';
    // A late dossier waits on the leader's desk past its due date; the others are recommended within the review time.
    const recommendDay = spec.late ? receiptDay + limit - 1 : day + REVIEW_DAYS[spec.type];
    const decisionDay = spec.late ? receiptDay + limit + 2 : recommendDay + 1;
    await this.advance(recommendDay, '16:00');
    await this.send(officer, 'RECOMMEND', spec.ending === 'approve' ? { decision: 'approve' } : { decision: 'reject', reasons: [rejection] });

    await this.advance(decisionDay, '10:00');
    // What the leader's decision page sees: an overdue dossier is decided with the apology note (form 04).
    const apology = presentDossier(await loadReadableDossier(leader, this.id), this.current).overdue
      ? { apologyNote: `Sở Công Thương xin lỗi vì giải quyết hồ sơ chậm so với hẹn; hẹn trả kết quả ngày ${ctx.timeline.date(decisionDay)} (mẫu 04, demo).` }
      : {};
    await this.send(leader, spec.ending === 'approve' ? 'APPROVE' : 'REJECT', spec.ending === 'approve' ? apology : { reasons: [rejection], ...apology });

    if (spec.ending === 'approve') await this.expireIfDue();
    return this.id;
  }

  /** Moves the clock to a step, first running the deadline jobs that fell due on the way. */
  private async advance(day: number, time: string): Promise<void> {
    const target = this.ctx.timeline.instant(day, time);
    const handler = deadlineJobHandler(this.deps);
    this.dueJobs.sort((a, b) => a.at.getTime() - b.at.getTime());
    while (this.dueJobs.length > 0 && this.dueJobs[0]!.at < target) {
      const job = this.dueJobs.shift()!;
      this.current = job.at;
      await runJob(handler, DEADLINE_JOB, `deadline:${this.id}:${job.dueAt}:${job.kind}`, { dossierId: this.id, dueAt: job.dueAt, kind: job.kind });
    }
    this.current = target;
  }

  /** One event through the real path; the deadline jobs its outbox schedules are kept to run when due. */
  private async send(actor: Actor, type: string, payload: Record<string, unknown> = {}): Promise<void> {
    const applied = await sendEvent(actor, this.id, { type, payload }, this.deps);
    for (const message of applied.outbox) {
      if (message.kind !== 'schedule_deadlines') continue;
      const { warningAt, dueAt } = message.payload;
      if (warningAt) this.dueJobs.push({ at: new Date(warningAt), kind: 'warning', dueAt });
      this.dueJobs.push({ at: new Date(dueAt), kind: 'passed', dueAt });
    }
  }

  /** The parallel consultation of the types that have one: opinions requested, answered one by one, or lapsed. */
  private async consult(acceptedDay: number): Promise<number> {
    const { spec, ctx } = this;
    const agencies = getWorkflow(spec.type, this.version).consultationAgencies;
    if (agencies.length === 0) return acceptedDay;
    const stage = findProcedure(spec.type).stages.find((s) => s.code === 'agency_opinions');
    const opinionDays = stage?.limitWorkingDays.value ?? OPINION_DAYS_DEFAULT;
    await this.advance(acceptedDay, '10:30');
    const dueAt = addWorkingDays(this.current, opinionDays, ctx.calendar);
    await this.send(ctx.officer, 'REQUEST_OPINIONS', { dueAt: dueAt.toISOString() });
    let day = acceptedDay;
    for (const [index, agency] of agencies.entries()) {
      if (agency === spec.lapsedAgency) continue;
      day = acceptedDay + 2 + index;
      await this.advance(day, '15:00');
      const conditional = index % 3 === 1;
      await this.send(ctx.officer, 'RECORD_OPINION', {
        agency,
        opinion: conditional ? 'agree_with_conditions' : 'agree',
        ...(conditional ? { note: 'Đồng ý, đề nghị bổ sung quan trắc định kỳ (demo).' } : {}),
      });
    }
    if (!spec.lapsedAgency) return day;
    // The agency never answered: at its deadline its silence counts as no objection (Decree 35/2022 practice).
    day = acceptedDay + opinionDays + 1;
    await this.advance(day, '07:30');
    await this.send(SYSTEM_SCHEDULER, 'OPINION_OVERDUE', { agency: spec.lapsedAgency });
    return day;
  }

  /** A certificate whose validity ended before the present expires at its own date, through the scheduler's handler. */
  private async expireIfDue(): Promise<void> {
    const certificate = await CertificateModel.findOne({ dossierId: this.id }, { expiresAt: 1 }).lean<{ expiresAt?: Date }>();
    const expiresAt = certificate?.expiresAt;
    if (!expiresAt || expiresAt > this.ctx.present) return;
    const handler = certificateExpiryJobHandler({ now: () => expiresAt, calendar: this.ctx.calendar });
    await runJob(handler, CERTIFICATE_EXPIRY_JOB, `certificate-expiry:${this.id}`, { dossierId: this.id });
  }
}
