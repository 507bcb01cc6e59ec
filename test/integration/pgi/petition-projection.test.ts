import request from 'supertest';
import { DEFAULT_WORKING_CALENDAR } from '../../../src/calendar';
import { onPetitionChange } from '../../../src/dialogue';
import { getPeriod, periodsOf, pgiPetitionListener, projectRecentPetitionChanges } from '../../../src/pgi';
import { PgiContributionModel } from '../../../src/pgi/pgi-contribution.model';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('PGI: petitions answered reach component 4 through the petition change path', () => {
  const database = useTestDatabase();
  const deps = { calendar: DEFAULT_WORKING_CALENDAR };
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let officer: TestUser;

  const post = (user: TestUser, url: string, body: object) => request(app).post(url).set('Authorization', `Bearer ${user.token}`).send(body);
  async function answeredPetition(): Promise<{ id: string; code: string }> {
    const filed = await post(business, '/api/v1/petitions', { topic: 'epr', text: 'Đề nghị hướng dẫn kê khai khối lượng bao bì nhập khẩu.' });
    expect(filed.status).toBe(201);
    expect((await post(officer, `/api/v1/petitions/${filed.body.id}/assign`, { responsibleUnit: 'Phòng Kỹ thuật an toàn – Môi trường' })).status).toBe(200);
    expect((await post(officer, `/api/v1/petitions/${filed.body.id}/answer`, { response: 'Sở đã hướng dẫn tại Công văn số 123/SCT-KTATMT.' })).status).toBe(200);
    return filed.body;
  }
  const indicator = async (id: string) => {
    const view = await getPeriod(periodsOf(new Date()).quarter);
    return view.components.flatMap((c) => c.indicators).find((i) => i.indicator.id === id)!;
  };

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization('Công ty TNHH Bao bì Hải Phòng'));
    officer = await createUser(app, 'officer');
  });

  it('when an officer answers a petition, then "petitions answered" counts it with the petition code as lineage, and the mean working days has it', async () => {
    const stop = onPetitionChange(pgiPetitionListener(deps));
    try {
      const petition = await answeredPetition();
      const answered = await indicator('c4_petitions_answered');
      expect(answered.value).toBe(1);
      expect(answered.lineage).toEqual([{ code: petition.code, numerator: 1, denominator: 0 }]);
      const days = await indicator('c4_petition_answer_working_days');
      expect(days.contributions).toBe(1);
      expect(days.value).toBe(0); // answered the day it was received
      // Assigning and closing never contribute.
      expect(await PgiContributionModel.countDocuments({ dossierCode: petition.code })).toBe(2);
    } finally {
      stop();
    }
  });

  it('when a leader drills down to "petitions answered" on the dashboard, then each petition code links to its page', async () => {
    const stop = onPetitionChange(pgiPetitionListener(deps));
    try {
      const petition = await answeredPetition();
      const leader = await createUser(app, 'leader');
      const b = browser(app);
      await b.signIn(leader.email, PASSWORD);
      const page = await b.agent.get(`/pgi?period=${periodsOf(new Date()).quarter}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<a href="/petitions/${petition.id}">${petition.code}</a>`);
    } finally {
      stop();
    }
  });

  it('when the listener was not there (a crash), then the maintenance sweep projects the answer once, and a second sweep adds nothing', async () => {
    const petition = await answeredPetition();
    expect(await PgiContributionModel.countDocuments({ dossierCode: petition.code })).toBe(0);
    expect(await projectRecentPetitionChanges(new Date(), deps)).toBe(2);
    expect(await projectRecentPetitionChanges(new Date(), deps)).toBe(0);
    expect((await indicator('c4_petitions_answered')).lineage.map((l) => l.code)).toContain(petition.code);
  });

  it('when the listener fails, then the answer is still accepted (the sweep picks it up later)', async () => {
    const stop = onPetitionChange(async () => {
      throw new Error('database went away');
    });
    try {
      await answeredPetition();
    } finally {
      stop();
    }
  });
});
