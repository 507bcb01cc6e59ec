import { Types } from 'mongoose';
import { ApplicationModel } from '../../src/applications/application.model';
import { DossierEventModel } from '../../src/applications/dossier-event.model';
import { OrganizationModel } from '../../src/organizations/organization.model';

const TYPES = ['epr', 'emissions_reduction', 'renewable_energy', 'green_transformation'] as const;
const GENDERS = ['female', 'male', undefined] as const;
const BATCH = 5_000;
const YEAR_START = Date.UTC(2024, 11, 31, 17); // 2025-01-01 00:00 in Viet Nam

/**
 * Writes `count` decided dossiers of 2025, each with one decision entry (approve 3 in 4, else reject), over 200
 * organizations, straight through the driver in batches (the shapes the index reads, not full event-path
 * entries: the bench times reading and summing, not writing).
 */
export async function generateDecidedDossiers(count: number): Promise<void> {
  const organizations = Array.from({ length: 200 }, (_, i) => ({
    _id: new Types.ObjectId(),
    taxCode: `bench${i}`,
    kind: 'enterprise',
    name: `Demo ${i}`,
    ...(GENDERS[i % 3] ? { leadershipGender: GENDERS[i % 3], employeesByGender: { female: i % 50, male: (i * 7) % 50 } } : {}),
  }));
  await OrganizationModel.collection.insertMany(organizations);
  for (let start = 0; start < count; start += BATCH) {
    const dossiers = [];
    const entries = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const id = new Types.ObjectId();
      const type = TYPES[i % 4]!;
      const receivedAt = new Date(YEAR_START + (i % 330) * 86_400_000 + (i % 24) * 3_600_000);
      const at = new Date(receivedAt.getTime() + (5 + (i % 20)) * 86_400_000);
      const due = new Date(receivedAt.getTime() + 21 * 86_400_000).toISOString();
      const to = i % 4 === 3 ? 'rejected' : 'approved';
      dossiers.push({
        _id: id, type, code: `HP-B-2025-${String(i).padStart(6, '0')}`, organizationId: organizations[i % 200]!._id, state: to,
        data: { capacityKw: 10 + (i % 90), reductionTargetTco2e: i % 500, certificateKind: i % 2 ? 'eco_enterprise' : 'eco_industrial_park', transformationPlanSummary: 'Kế hoạch', dataYear: 2024 },
        results: type === 'epr' ? { eprObligation: { result: { exempt: i % 5 === 0 } } } : {},
      });
      entries.push({
        _id: `${id}:000001`, dossierId: id, sequence: 1, event: { type: to === 'approved' ? 'APPROVE' : 'REJECT' }, from: 'awaiting_decision', to, at,
        after: { state: to, deadlines: { receivedAt: receivedAt.toISOString(), currentDueAt: due, overdue: false } },
      });
    }
    await ApplicationModel.collection.insertMany(dossiers);
    await DossierEventModel.collection.insertMany(entries as never[]); // string _ids, as the real log has
  }
}
