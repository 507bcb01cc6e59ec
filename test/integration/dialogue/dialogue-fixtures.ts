import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { ApplicationModel } from '../../../src/applications/application.model';
import { writeSummary } from '../../../src/applications/read-model/dossier-directory';
import { summaryFromRecord } from '../../../src/applications/read-model/dossier-summary';
import { CertificateModel } from '../../../src/certificates/certificate.model';

/** UTC instant of a local (Asia/Ho_Chi_Minh) date and hour. */
export const local = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

let counter = 0;

export interface SeededDossier {
  type: 'epr' | 'renewable_energy' | 'emissions_reduction' | 'green_transformation';
  state: string;
  submitted?: string;
  decided?: string;
  due?: string;
  overdue?: boolean;
  data?: Record<string, unknown>;
  results?: Record<string, unknown>;
}

/**
 * Writes dossier documents and their summaries as the event path leaves them (the cache fields the briefing reads). The workflow
 * itself is tested elsewhere; here we need dossiers in many states and dates quickly.
 */
export async function seedDossiers(organizationId: string, userId: string, dossiers: SeededDossier[]): Promise<{ id: Types.ObjectId; code: string }[]> {
  const docs = dossiers.map((d) => {
    counter += 1;
    const prefix = { epr: 'EPR', renewable_energy: 'RE', emissions_reduction: 'GHG', green_transformation: 'GT' }[d.type];
    const code = `HP-${prefix}-2026-${String(counter).padStart(6, '0')}`;
    return {
      _id: new Types.ObjectId(),
      code,
      type: d.type,
      organizationId: new Types.ObjectId(organizationId),
      createdBy: new Types.ObjectId(userId),
      title: `Hồ sơ thử ${code}`,
      workflow: { id: d.type, version: 1 },
      snapshot: {},
      state: d.state,
      sequence: 1,
      lastHash: randomUUID(),
      data: d.data ?? {},
      results: d.results ?? {},
      deadlines: { receivedAt: d.submitted ? local(d.submitted) : undefined, currentDueAt: d.due ? local(d.due, 17) : undefined, overdue: d.overdue ?? false },
      submittedAt: d.submitted ? local(d.submitted) : undefined,
      decidedAt: d.decided ? local(d.decided, 15) : undefined,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
  });
  await ApplicationModel.collection.insertMany(docs);
  // The summary the cache sync writes beside each dossier document: reports read these.
  for (const doc of docs) await writeSummary(summaryFromRecord(doc as unknown as Parameters<typeof summaryFromRecord>[0]));
  return docs.map((d) => ({ id: d._id, code: d.code }));
}

export async function seedCertificate(dossier: { id: Types.ObjectId; code: string }, organizationId: string, holderName: string, issued: string): Promise<void> {
  await CertificateModel.collection.insertOne({
    _id: new Types.ObjectId(),
    number: `GCN-${randomUUID().slice(0, 8)}`,
    verificationCode: randomUUID(),
    type: 'green_transformation',
    dossierId: dossier.id,
    dossierCode: dossier.code,
    holderOrganizationId: new Types.ObjectId(organizationId),
    holderName,
    title: 'Khu công nghiệp sinh thái',
    issuedAt: local(issued),
    status: 'valid',
  });
}
