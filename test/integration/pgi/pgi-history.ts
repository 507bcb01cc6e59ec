import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Types } from 'mongoose';
import { ApplicationModel, type ApplicationRecord } from '../../../src/applications/application.model';
import { writeSummary } from '../../../src/applications/read-model/dossier-directory';
import { summaryFromRecord } from '../../../src/applications/read-model/dossier-summary';
import { DossierEventModel, dossierEventId } from '../../../src/applications/dossier-event.model';
import { PetitionChangeModel, PetitionModel, petitionChangeId } from '../../../src/dialogue/petition.model';
import { notePetitionWritten } from '../../../src/dialogue/petition-directory';
import { makeTaxCode } from '../../../src/organizations';
import { OrganizationModel } from '../../../src/organizations/organization.model';

/**
 * Dossier histories written straight into the models (log entries, dossiers, organizations), so a property
 * test can try many shapes quickly. The entries carry what the real event path writes for the fields the
 * index reads (event.type, from, to, at, after.deadlines); the hash chain is not under test here.
 */
export type DossierType = 'epr' | 'emissions_reduction' | 'renewable_energy' | 'green_transformation';
export type Ending = 'approved' | 'rejected' | 'approved_then_revoked' | 'approved_then_expired' | 'pending';

export interface DossierSpec {
  type: DossierType;
  ending: Ending;
  /** Days after 2025-01-01 (UTC) of the submission, and the waits before the decision and after it. */
  submitDay: number;
  decisionAfterDays: number;
  endAfterDays: number;
  hour: number;
  amount: number;
  exempt: boolean;
  overdue: boolean;
  organization: number;
}

export interface OrganizationSpec {
  leadershipGender?: 'female' | 'male' | 'other' | 'undisclosed';
  employees?: { female: number; male: number };
}

export const organizationArbitrary: fc.Arbitrary<OrganizationSpec> = fc.record(
  {
    leadershipGender: fc.constantFrom('female', 'male', 'other', 'undisclosed'),
    employees: fc.record({ female: fc.integer({ min: 0, max: 500 }), male: fc.integer({ min: 0, max: 500 }) }),
  },
  { requiredKeys: [] },
);

export const dossierArbitrary = (organizations: number): fc.Arbitrary<DossierSpec> =>
  fc.record({
    type: fc.constantFrom<DossierType>('epr', 'emissions_reduction', 'renewable_energy', 'green_transformation'),
    ending: fc.constantFrom<Ending>('approved', 'rejected', 'approved_then_revoked', 'approved_then_expired', 'pending'),
    submitDay: fc.integer({ min: 0, max: 540 }),
    decisionAfterDays: fc.integer({ min: 1, max: 60 }),
    endAfterDays: fc.integer({ min: 1, max: 200 }),
    hour: fc.integer({ min: 0, max: 23 }),
    amount: fc.integer({ min: 1, max: 50_000 }).map((n) => n / 10),
    exempt: fc.boolean(),
    overdue: fc.boolean(),
    organization: fc.integer({ min: 0, max: organizations - 1 }),
  });

const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);

function dataFor(spec: DossierSpec): { data: Record<string, unknown>; results: Record<string, unknown> } {
  switch (spec.type) {
    case 'epr':
      return { data: { reportingYear: 2025, role: 'producer' }, results: { eprObligation: { result: { exempt: spec.exempt } } } };
    case 'emissions_reduction':
      return { data: { dataYear: 2024 + (spec.submitDay % 2), reductionTargetTco2e: spec.amount }, results: {} };
    case 'renewable_energy':
      return { data: { capacityKw: spec.amount }, results: {} };
    case 'green_transformation':
      return { data: { certificateKind: spec.exempt ? 'eco_enterprise' : 'eco_industrial_park', transformationPlanSummary: spec.overdue ? 'Kế hoạch' : '' }, results: {} };
  }
}

export async function insertOrganization(spec: OrganizationSpec): Promise<string> {
  let taxCode: string | undefined;
  while (!taxCode) taxCode = makeTaxCode(`03${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`);
  const organization = await OrganizationModel.create({
    taxCode,
    kind: 'enterprise',
    name: `Công ty PGI ${randomUUID().slice(0, 8)}`,
    ...(spec.leadershipGender ? { leadershipGender: spec.leadershipGender } : {}),
    ...(spec.employees ? { employeesByGender: spec.employees } : {}),
  });
  return String(organization._id);
}

export interface InsertedDossier {
  id: string;
  code: string;
  entryIds: string[];
}

/** One dossier and its log: SUBMIT, an ACCEPT (never projected), then the decision and what follows it. */
export async function insertDossier(spec: DossierSpec, organizationId: string): Promise<InsertedDossier> {
  const id = new Types.ObjectId();
  const code = `HP-T-${randomUUID().slice(0, 12)}`;
  const { data, results } = dataFor(spec);
  const Discriminator = ApplicationModel.discriminators![spec.type]!;
  const submittedAt = new Date(EPOCH + spec.submitDay * DAY + spec.hour * 3_600_000);
  const decidedAt = new Date(submittedAt.getTime() + spec.decisionAfterDays * DAY);
  const endedAt = new Date(decidedAt.getTime() + spec.endAfterDays * DAY);
  const dueAt = new Date(submittedAt.getTime() + 21 * DAY).toISOString();
  const deadlines = { receivedAt: submittedAt.toISOString(), originalDueAt: dueAt, currentDueAt: dueAt, overdue: spec.overdue, supplementations: [] };
  await new Discriminator({
    _id: id, code, organizationId, createdBy: new Types.ObjectId(), title: 'PGI test', workflow: { id: spec.type, version: 1 },
    snapshot: { value: 'x' }, state: 'draft', lastHash: 'x', data, results,
  }).save();
  // Bypassing the event path, the fixture writes the summary itself (lists and code lookups read summaries).
  await writeSummary(summaryFromRecord((await ApplicationModel.findById(id).lean<ApplicationRecord>())!));

  const steps: { type: string; from: string; to: string; at: Date }[] = [
    { type: 'SUBMIT', from: 'draft', to: 'submitted', at: submittedAt },
    { type: 'ACCEPT', from: 'submitted', to: 'technical_review', at: new Date(submittedAt.getTime() + DAY) },
  ];
  const decided = spec.ending === 'rejected' ? 'rejected' : 'approved';
  if (spec.ending !== 'pending') steps.push({ type: decided === 'approved' ? 'APPROVE' : 'REJECT', from: 'awaiting_decision', to: decided, at: decidedAt });
  if (spec.ending === 'approved_then_revoked') steps.push({ type: 'REVOKE', from: 'approved', to: 'revoked', at: endedAt });
  if (spec.ending === 'approved_then_expired') steps.push({ type: 'CERTIFICATE_EXPIRED', from: 'approved', to: 'expired', at: endedAt });

  const entryIds: string[] = [];
  for (const [index, step] of steps.entries()) {
    const entryId = dossierEventId(String(id), index + 1);
    entryIds.push(entryId);
    await new DossierEventModel({
      _id: entryId, dossierId: id, sequence: index + 1, event: { type: step.type, at: step.at.toISOString() },
      actor: { kind: 'system', role: 'system', name: 'test' }, from: step.from, to: step.to, at: step.at,
      after: { state: step.to, deadlines, submittedAt: submittedAt.toISOString() }, prevHash: 'x', hash: 'x',
    }).save();
  }
  return { id: String(id), code, entryIds };
}

export interface PetitionSpec {
  /** How far it went: the index reads only the answer. */
  reached: 'received' | 'assigned' | 'answered' | 'closed';
  receivedDay: number;
  answerAfterDays: number;
  hour: number;
  organization: number;
}

export const petitionArbitrary = (organizations: number): fc.Arbitrary<PetitionSpec> =>
  fc.record({
    reached: fc.constantFrom<PetitionSpec['reached']>('received', 'assigned', 'answered', 'closed'),
    receivedDay: fc.integer({ min: 0, max: 540 }),
    answerAfterDays: fc.integer({ min: 0, max: 90 }),
    hour: fc.integer({ min: 0, max: 23 }),
    organization: fc.integer({ min: 0, max: organizations - 1 }),
  });

/** A petition and its change log as changePetition writes them (assign → answer → close, one revision each). */
export async function insertPetition(spec: PetitionSpec, organizationId: string): Promise<{ id: string; code: string; changeIds: string[] }> {
  const receivedAt = new Date(EPOCH + spec.receivedDay * DAY + spec.hour * 3_600_000);
  const steps: { action: 'assign' | 'answer' | 'close'; from: string; to: string; at: Date }[] = [];
  const order = ['received', 'assigned', 'answered', 'closed'];
  const reached = order.indexOf(spec.reached);
  if (reached >= 1) steps.push({ action: 'assign', from: 'received', to: 'assigned', at: new Date(receivedAt.getTime() + 3_600_000) });
  if (reached >= 2) steps.push({ action: 'answer', from: 'assigned', to: 'answered', at: new Date(receivedAt.getTime() + spec.answerAfterDays * DAY + 7_200_000) });
  if (reached >= 3) steps.push({ action: 'close', from: 'answered', to: 'closed', at: new Date(receivedAt.getTime() + (spec.answerAfterDays + 2) * DAY) });
  const petition = await PetitionModel.create({
    code: `HP-KN-T-${randomUUID().slice(0, 10)}`, topic: 'epr', text: 'Kiến nghị thử', organizationId, organizationName: 'PGI test',
    channel: 'web', filedBy: 'test', receivedAt, status: spec.reached, revision: steps.length,
  });
  const changeIds: string[] = [];
  for (const [index, step] of steps.entries()) {
    const id = petitionChangeId(String(petition._id), index + 1);
    changeIds.push(id);
    await PetitionChangeModel.create({ _id: id, petitionId: petition._id, revision: index + 1, ...step, actor: { userId: 'x', name: 'test', role: 'officer' }, fields: {} });
  }
  await notePetitionWritten(petition._id);
  return { id: String(petition._id), code: petition.code, changeIds };
}
