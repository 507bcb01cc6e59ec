import { getWorkflow } from '../../workflows/registry';
import type { WorkflowType } from '../../workflows/workflow-types';
import { createApplication } from '../../src/applications/application.service';
import { DOSSIER_TYPES } from '../../src/applications/dossier-types';
import { requiredDocumentRules, type ProcedureFacts } from '../../src/applications/procedures';
import { sendEvent } from '../../src/applications/send-event';
import type { Actor } from '../../src/auth';
import type { WorkingCalendar } from '../../src/calendar';
import type { UploadSettings } from '../../src/documents';
import { DOSSIER_PLAN } from '../../src/seed/demo-history.data';
import type { DemoFiles } from '../../src/seed/demo-history.dossier';

/**
 * Where a template dossier stops: every state the demo history does not leave a dossier in (it decides every
 * dossier it files). Each is reached through the real event path, on a clock a few days before the present.
 */
const STOPS = ['draft', 'submitted', 'supplementation_requested', 'consultation', 'technical_review', 'inspection', 'awaiting_decision', 'withdrawn', 'revoked'] as const;
export type Stop = (typeof STOPS)[number];

export interface OpenStoryDeps {
  calendar: WorkingCalendar;
  uploads: UploadSettings;
  files: DemoFiles;
  applicant: Actor;
  officer: Actor;
  leader: Actor;
  /** The instant the story starts; each step is an hour later. */
  startsAt: Date;
}

const HOUR = 3_600_000;

/** One template dossier of `type` taken through the real event path until it stands in `stop`. */
async function tellStory(type: WorkflowType, stop: Stop, deps: OpenStoryDeps): Promise<string | undefined> {
  const spec = DOSSIER_PLAN.flat().find((s) => s.type === type && !s.inspection)!;
  let clock = deps.startsAt;
  const tick = () => (clock = new Date(clock.getTime() + HOUR));
  const eventDeps = { now: () => clock, calendar: deps.calendar };
  const date = clock.toISOString().slice(0, 10);
  const data = spec.data({ year: clock.getUTCFullYear(), date });
  const dossier = await createApplication(deps.applicant, { type, title: `${spec.title} (bench, ${stop})`, data }, clock);
  const id = String(dossier._id);
  const send = async (actor: Actor, event: string, payload: Record<string, unknown> = {}) => {
    tick();
    await sendEvent(actor, id, { type: event, payload }, eventDeps);
  };
  if (stop === 'draft') return id;

  const rules = requiredDocumentRules(type, DOSSIER_TYPES[type].documentCircumstances(data) as ProcedureFacts);
  for (const rule of rules) await deps.files.upload(deps.applicant, id, rule, deps.uploads, tick());
  await send(deps.applicant, 'SUBMIT', { declaration: true });
  if (stop === 'submitted') return id;
  if (stop === 'supplementation_requested') {
    await send(deps.officer, 'REQUEST_SUPPLEMENT', { reasons: ['Bản vẽ mặt bằng chưa có chữ ký (bench).'] });
    return id;
  }
  if (stop === 'withdrawn') {
    await send(deps.applicant, 'WITHDRAW', { reason: 'Doanh nghiệp nộp lại hồ sơ khác (bench).' });
    return id;
  }
  await send(deps.officer, 'ACCEPT');
  const agencies = getWorkflow(type, dossier.workflow.version).consultationAgencies;
  if (stop === 'consultation') {
    if (agencies.length === 0) return undefined;
    await send(deps.officer, 'REQUEST_OPINIONS', { dueAt: new Date(clock.getTime() + 7 * 24 * HOUR).toISOString() });
    return id;
  }
  for (const agency of agencies) await send(deps.officer, 'RECORD_OPINION', { agency, opinion: 'agree' });
  if (stop === 'technical_review') return id;
  await send(deps.officer, 'SCHEDULE_INSPECTION', { scheduledFor: new Date(clock.getTime() + 5 * 24 * HOUR).toISOString().slice(0, 10) });
  if (stop === 'inspection') return id;
  await send(deps.officer, 'RECORD_INSPECTION', { findings: 'Cơ sở vận hành đúng hồ sơ (bench).', passed: true });
  await send(deps.officer, 'RECOMMEND', { decision: 'approve' });
  if (stop === 'awaiting_decision') return id;
  await send(deps.leader, 'APPROVE');
  await send(deps.leader, 'REVOKE', { reasons: ['Doanh nghiệp không duy trì điều kiện được công nhận (bench).'] });
  return id;
}

/** Every type in every stop it can reach, one after another (dossier codes follow the order of filing). */
export async function tellOpenStories(types: readonly WorkflowType[], deps: OpenStoryDeps): Promise<string[]> {
  const ids: string[] = [];
  for (const type of types) {
    for (const [index, stop] of STOPS.entries()) {
      const startsAt = new Date(deps.startsAt.getTime() + index * 24 * HOUR);
      const id = await tellStory(type, stop, { ...deps, startsAt });
      if (id) ids.push(id);
    }
  }
  return ids;
}
