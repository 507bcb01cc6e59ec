import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { ApplicationModel } from '../../src/applications/application.model';
import { ConferenceModel } from '../../src/dialogue/conference.model';
import { PetitionModel } from '../../src/dialogue/petition.model';
import { PETITION_STATUSES, PETITION_TOPICS } from '../../src/dialogue/petition-topics';

const TYPES = ['epr', 'renewable_energy', 'emissions_reduction', 'green_transformation'] as const;
const STATES = ['approved', 'rejected', 'technical_review', 'submitted'] as const;
const BATCH = 1000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1, 2) + n * 86_400_000);

/** A conference over the first half of 2026 with `dossiers` dossiers and `petitions` petitions in its scope. */
export async function generateConferenceData(dossiers: number, petitions: number): Promise<string> {
  const conference = await ConferenceModel.create({ title: 'Hội nghị đối thoại doanh nghiệp 2026 (bench)', date: '2026-07-20', scope: { from: '2026-01-01', to: '2026-06-30' }, createdBy: 'bench' });
  const organizationId = new Types.ObjectId();
  for (let start = 0; start < dossiers; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, dossiers - start) }, (_, k) => {
      const i = start + k;
      const type = TYPES[i % TYPES.length]!;
      const state = STATES[i % STATES.length]!;
      const submitted = day(i % 150);
      const decided = state === 'approved' || state === 'rejected' ? day((i % 150) + 10) : undefined;
      return {
        code: `HP-BN-2026-${String(i + 1).padStart(6, '0')}`, type, organizationId, createdBy: organizationId, title: `Hồ sơ mẫu số ${i + 1} của doanh nghiệp Hải Phòng`,
        workflow: { id: type, version: 1 }, snapshot: {}, state, sequence: 3, lastHash: randomUUID(),
        data: { capacityKw: 100 + (i % 50), reductionTargetTco2e: 10 + (i % 7) },
        results: type === 'epr' ? { eprObligation: { result: { totalRecyclingObligationKg: 1000 + i, totalContributionVnd: 4_000_000 + i } } } : {},
        deadlines: { receivedAt: submitted, currentDueAt: day((i % 150) + 14), overdue: i % 11 === 0 },
        submittedAt: submitted, decidedAt: decided, createdAt: submitted, updatedAt: submitted,
      };
    });
    await ApplicationModel.collection.insertMany(docs);
  }
  for (let start = 0; start < petitions; start += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, petitions - start) }, (_, k) => {
      const i = start + k;
      return {
        code: `HP-KN-2026-${String(i + 1).padStart(6, '0')}`, conferenceId: conference._id, topic: PETITION_TOPICS[i % PETITION_TOPICS.length], organizationId,
        organizationName: `Công ty TNHH Sản xuất Hải Phòng số ${i % 400}`, text: `Kiến nghị số ${i + 1}: đề nghị Sở Công Thương hướng dẫn thủ tục và hỗ trợ doanh nghiệp chuyển đổi xanh.`,
        linkedDossierCodes: [], channel: 'web', filedBy: 'bench', receivedAt: day(i % 180), status: PETITION_STATUSES[i % PETITION_STATUSES.length], revision: 0,
        responsibleUnit: 'Phòng Quản lý Công nghiệp', response: i % 2 === 0 ? 'Sở đã tiếp thu và sẽ trả lời bằng văn bản.' : undefined, createdAt: day(0), updatedAt: day(0),
      };
    });
    await PetitionModel.collection.insertMany(docs);
  }
  return String(conference._id);
}
