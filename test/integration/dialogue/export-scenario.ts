import type { Types } from 'mongoose';
import type request from 'supertest';
import type { TestUser } from '../../support/actors';
import type { SeededDossier } from './dialogue-fixtures';

interface ScenarioDeps {
  as: (user: TestUser) => { post: (url: string, body?: object) => request.Test };
  officer: TestUser;
  business: TestUser;
  seedDossiers: (organizationId: string, userId: string, dossiers: SeededDossier[]) => Promise<{ id: Types.ObjectId; code: string }[]>;
  seedCertificate: (dossier: { id: Types.ObjectId; code: string }, organizationId: string, holderName: string, issued: string) => Promise<void>;
}

/**
 * A first half-year of 2026: five dossiers received in scope (three approved, one refused late, one still in
 * review and overdue on 15 July), one received the year before and approved on time in scope, one outside the scope; one
 * eco-industrial park certified; three petitions, one answered.
 */
export async function seedScenario({ as, officer, business, seedDossiers, seedCertificate }: ScenarioDeps): Promise<string> {
  const conference = await as(officer).post('/api/v1/conferences', {
    title: 'Hội nghị đối thoại doanh nghiệp năm 2026',
    date: '2026-07-20',
    planReference: '462/KH-SCT',
    scope: { from: '2026-01-01', to: '2026-06-30' },
  });
  const conferenceId = conference.body.id as string;
  const org = business.organizationId!;
  const seeded = await seedDossiers(org, business.id, [
    { type: 'epr', state: 'approved', submitted: '2026-02-02', decided: '2026-02-20', due: '2026-02-25', results: { eprObligation: { result: { totalRecyclingObligationKg: 110_000, totalContributionVnd: 440_000_000 } } } },
    { type: 'renewable_energy', state: 'approved', submitted: '2026-03-02', decided: '2026-03-10', due: '2026-03-16', data: { capacityKw: 250 } },
    { type: 'emissions_reduction', state: 'rejected', submitted: '2026-03-02', decided: '2026-04-20', due: '2026-03-23', overdue: true, data: { reductionTargetTco2e: 500 } },
    { type: 'green_transformation', state: 'approved', submitted: '2026-01-05', decided: '2026-05-04', due: '2026-05-29', data: { certificateKind: 'eco_industrial_park' } },
    { type: 'epr', state: 'technical_review', submitted: '2026-05-04', due: '2026-05-25' },
    { type: 'renewable_energy', state: 'approved', submitted: '2025-12-15', decided: '2026-01-06', due: '2026-01-08', data: { capacityKw: 0 } },
    { type: 'epr', state: 'submitted', submitted: '2025-11-03', due: '2025-11-24' },
  ]);
  await seedCertificate(seeded[3]!, org, 'Khu CN sinh thái Nam Cầu Kiền', '2026-05-05');
  const petition = (topic: string, text: string) => as(business).post('/api/v1/petitions', { conferenceId, topic, text });
  const answered = await petition('infrastructure', 'Kiến nghị về hạ tầng giao thông đến cụm công nghiệp An Lão, Hải Phòng.');
  await as(officer).post(`/api/v1/petitions/${answered.body.id}/assign`, { responsibleUnit: 'Phòng Quản lý Công nghiệp' });
  await as(officer).post(`/api/v1/petitions/${answered.body.id}/answer`, { response: 'Sở sẽ làm việc với Ban quản lý để đẩy nhanh tiến độ.' });
  await petition('epr', 'Đề nghị hướng dẫn kê khai EPR cho bao bì nhập khẩu.');
  await petition('procedures', 'Đề nghị rút ngắn thời gian giải quyết thủ tục điện mặt trời mái nhà.');
  return conferenceId;
}
