import { Types, trusted } from 'mongoose';
import type { Actor } from '../auth';
import { addWorkingDaysToLocalDate, localDateOf, type WorkingCalendar } from '../calendar';
import { insertIfAbsent } from '../db';
import { createConference } from '../dialogue/conference.service';
import { changePetition } from '../dialogue/petition-lifecycle';
import { filePetition } from '../dialogue/petition.service';
import type { PetitionTopic } from '../dialogue';
import type { UploadSettings } from '../documents';
import { parsePeriodId, periodsOf, type Period } from '../pgi';
import { SeedMarkerModel, demoActor } from './demo-dossiers';
import { DOSSIER_PLAN, PETITION_PLAN, type PetitionSpec } from './demo-history.data';
import { DossierStory, demoFiles, quarterTimeline, type Timeline } from './demo-history.dossier';
import { DEMO_USERS } from './hai-phong.data';
import { OrganizationModel } from '../organizations/organization.model';

export interface DemoHistoryResult {
  dossiers: number;
  petitions: number;
  /** The quarters seeded, oldest first ("2025-Q2"). */
  quarters: string[];
}

const NOTHING: DemoHistoryResult = { dossiers: 0, petitions: 0, quarters: [] };

/** The `count` complete quarters before the one `now` falls in (Viet Nam local time), oldest first. */
export function completedQuarters(now: Date, count: number): Period[] {
  const quarters: Period[] = [];
  let period = parsePeriodId(periodsOf(now).quarter)!;
  while (quarters.length < count) {
    period = parsePeriodId(periodsOf(new Date(period.startsAt.getTime() - 1)).quarter)!;
    quarters.unshift(period);
  }
  return quarters;
}

const UNITS: Record<PetitionTopic, string> = {
  epr: 'Phòng Kỹ thuật an toàn – Môi trường',
  renewable_energy: 'Phòng Quản lý Năng lượng',
  emissions: 'Phòng Kỹ thuật an toàn – Môi trường',
  green_transformation: 'Phòng Quản lý Công nghiệp',
  procedures: 'Văn phòng Sở (bộ phận một cửa)',
  infrastructure: 'Phòng Quản lý Công nghiệp',
  other: 'Văn phòng Sở',
};

const RESPONSE = 'Sở Công Thương đã có văn bản trả lời, hướng dẫn doanh nghiệp thực hiện và sẽ theo dõi kết quả (demo).';

interface Filers {
  officer: Actor;
  leader: Actor;
  business: Actor;
  icOperator: Actor;
  organizations: Map<string, { id: string; name: string }>;
}

/**
 * Who files for a demo organization: the demo business or IC-operator user for their own company; for the
 * other demo companies, which have no sign-in, an applicant acting for that company (named, marked demo).
 */
function applicantFor(taxCode: string, filers: Filers): Actor {
  for (const actor of [filers.business, filers.icOperator]) {
    if (actor.kind === 'user' && actor.organizationId === filers.organizations.get(taxCode)?.id) return actor;
  }
  const organization = filers.organizations.get(taxCode);
  if (!organization) throw new Error(`demo organization ${taxCode} is missing`);
  const userId = new Types.ObjectId(taxCode.padStart(24, '0')).toString();
  return { kind: 'user', userId, role: 'business', organizationId: organization.id, name: `Người nộp hồ sơ — ${organization.name}` };
}

/** Files a petition on its day (one at a time, so codes follow the order of filing); the returned step assigns, answers and closes it. */
async function filePetitionStory(spec: PetitionSpec, timeline: Timeline, filers: Filers): Promise<() => Promise<void>> {
  const applicant = applicantFor(spec.filer, filers);
  const ownFiling = applicant === filers.business || applicant === filers.icOperator;
  const input = { topic: spec.topic, text: spec.text, linkedDossierCodes: [], ...(ownFiling ? {} : { organizationId: filers.organizations.get(spec.filer)!.id }) };
  const petition = await filePetition(ownFiling ? applicant : filers.officer, input, timeline.instant(spec.day, '10:40'));
  return async () => {
    if (spec.unassigned) return;
    await changePetition(filers.officer, petition.id, 'assign', { responsibleUnit: UNITS[spec.topic] }, timeline.instant(spec.day + 1, '09:10'));
    if (spec.answerAfter === undefined) return;
    await changePetition(filers.officer, petition.id, 'answer', { response: RESPONSE }, timeline.instant(spec.day + spec.answerAfter, '16:00'));
    if (spec.close) await changePetition(filers.officer, petition.id, 'close', {}, timeline.instant(spec.day + spec.answerAfter + 3, '09:00'));
  };
}

async function demoFilers(): Promise<Filers | undefined> {
  const email = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
  const [officer, leader, business, icOperator] = await Promise.all(['officer', 'leader', 'business', 'ic_operator'].map((role) => demoActor(email(role))));
  if (!officer || !leader || !business || !icOperator) return undefined;
  const taxCodes = [...new Set([...DOSSIER_PLAN.flat(), ...PETITION_PLAN.flat()].map((s) => s.filer))];
  const found = await OrganizationModel.find({ taxCode: trusted({ $in: taxCodes }) }, { taxCode: 1, name: 1 }).lean();
  if (found.length !== taxCodes.length) return undefined;
  const organizations = new Map(found.map((o) => [o.taxCode, { id: String(o._id), name: o.name }]));
  return { officer, leader, business, icOperator, organizations };
}

/**
 * A year and a half of history behind the demo, so the PGI, the statistics and the conference briefing have
 * trends after `npm start`: for each of the last complete quarters before `now`, a few dossiers of every type
 * taken through the real event path with the clock set back to each step (mostly approvals, some refusals,
 * late decisions with the apology note, supplementation rounds, consultations), and petitions filed, assigned
 * and answered (some still open). Runs once per database: the marker's insert decides. A demo conference
 * whose briefing covers those quarters closes it.
 */
export async function seedDemoHistory(deps: { now: () => Date; calendar: WorkingCalendar; uploads: UploadSettings }): Promise<DemoHistoryResult> {
  const filers = await demoFilers();
  if (!filers) return NOTHING;
  const present = deps.now();
  if (!(await insertIfAbsent(SeedMarkerModel, { _id: 'demo-history-v1', at: present }))) return NOTHING;

  const quarters = completedQuarters(present, DOSSIER_PLAN.length);
  const files = demoFiles();
  const steps: (() => Promise<unknown>)[] = [];
  try {
    // Filed in order, so dossier and petition codes follow the calendar; the rest runs side by side, since
    // every story has its own clock and touches only its own dossier or petition.
    for (const [index, quarter] of quarters.entries()) {
      const timeline = quarterTimeline(quarter.startsAt, deps.calendar);
      const context = { timeline, year: Number(quarter.id.slice(0, 4)), calendar: deps.calendar, uploads: deps.uploads, files, present, officer: filers.officer, leader: filers.leader };
      for (const spec of DOSSIER_PLAN[index]!) {
        const story = await DossierStory.open(spec, { ...context, applicant: applicantFor(spec.filer, filers) });
        steps.push(() => story.run());
      }
      for (const spec of PETITION_PLAN[index]!) steps.push(await filePetitionStory(spec, timeline, filers));
    }
    const settled = await Promise.allSettled(steps.map((step) => step()));
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await files.dispose();
  }

  const from = localDateOf(quarters[0]!.startsAt);
  const to = localDateOf(new Date(quarters.at(-1)!.endsAt.getTime() - 1));
  const conference = {
    title: `Hội nghị đối thoại doanh nghiệp về chuyển đổi xanh ${localDateOf(present).slice(0, 4)} (demo)`,
    date: addWorkingDaysToLocalDate(localDateOf(present), 10, deps.calendar),
    planReference: 'KH-SCT (demo)',
    scope: { from, to },
  };
  await createConference(filers.officer, conference, present);
  return { dossiers: DOSSIER_PLAN.flat().length, petitions: PETITION_PLAN.flat().length, quarters: quarters.map((q) => q.id) };
}
