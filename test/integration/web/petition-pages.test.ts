import { PetitionModel } from '../../../src/dialogue/petition.model';
import { createOrganization, createUser, PASSWORD, type TestUser } from '../../support/actors';
import { browser, csrfTokenOf } from '../../support/browser-session';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';
import { AuditEntryModel } from '../../../src/audit/audit.model';

describe('petition pages (kiến nghị) for businesses and the department', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  let otherBusiness: TestUser;
  let officer: TestUser;
  let admin: TestUser;

  const signedIn = async (user: TestUser) => {
    const b = browser(app);
    await b.signIn(user.email, PASSWORD);
    return b;
  };
  const TEXT = 'Đề nghị hướng dẫn cách kê khai khối lượng bao bì nhập khẩu trong hồ sơ EPR.';

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization('Công ty TNHH Bao bì Hải Phòng'));
    otherBusiness = await createUser(app, 'business', await createOrganization('Công ty khác'));
    officer = await createUser(app, 'officer');
    admin = await createUser(app, 'admin');
  });

  async function fileAs(user: TestUser, fields: Record<string, string>) {
    const b = await signedIn(user);
    const page = await b.agent.get('/my/petitions');
    const res = await b.agent.post('/my/petitions').type('form').send({ _csrf: csrfTokenOf(page.text), ...fields });
    return { b, res };
  }

  it('when a business files a petition through the form, then it sees it with its code and status, audited, and another business does not', async () => {
    const { b, res } = await fileAs(business, { topic: 'epr', text: TEXT });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/my\/petitions\/[0-9a-f]{24}\?done=filed$/);
    const detail = await b.agent.get(res.headers.location as string);
    expect(detail.text).toContain('Đã gửi kiến nghị.');
    expect(detail.text).toContain(TEXT);
    expect(detail.text).toContain('Đã tiếp nhận');
    const id = /\/my\/petitions\/([0-9a-f]{24})/.exec(res.headers.location as string)![1]!;
    const code = (await PetitionModel.findById(id).lean())!.code;
    expect((await b.agent.get('/my/petitions')).text).toContain(code);
    expect(await AuditEntryModel.countDocuments({ action: 'petition.file', 'target.id': id })).toBe(1);

    const stranger = await signedIn(otherBusiness);
    expect((await stranger.agent.get('/my/petitions')).text).not.toContain(code);
    expect((await stranger.agent.get(`/my/petitions/${id}`)).status).toBe(404);
  });

  it('when the form is incomplete, then each field says what is wrong, the text typed is kept, and nothing is stored', async () => {
    const before = await PetitionModel.countDocuments();
    const { res } = await fileAs(business, { topic: '', text: 'ngắn' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Chọn lĩnh vực của kiến nghị.');
    expect(res.text).toContain('Nhập nội dung kiến nghị, ít nhất 10 ký tự.');
    expect(res.text).toMatch(/<textarea id="f-text" name="text"[^>]*aria-invalid="true"[^>]*>ngắn<\/textarea>/);
    expect(await PetitionModel.countDocuments()).toBe(before);
  });

  it('when an officer assigns, answers and closes through the forms, then the business reads the answer, and each step is in the history', async () => {
    const { res } = await fileAs(business, { topic: 'procedures', text: TEXT });
    const id = /\/my\/petitions\/([0-9a-f]{24})/.exec(res.headers.location as string)![1]!;
    const o = await signedIn(officer);
    const list = await o.agent.get('/petitions?status=received');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`/petitions/${id}`);

    const act = async (action: string, fields: Record<string, string> = {}) => {
      const page = await o.agent.get(`/petitions/${id}`);
      return o.agent.post(`/petitions/${id}/${action}`).type('form').send({ _csrf: csrfTokenOf(page.text), ...fields });
    };
    // Only what the status allows is offered: a received petition can be assigned, not answered.
    const received = await o.agent.get(`/petitions/${id}`);
    expect(received.text).toContain('action="/petitions/' + id + '/assign"');
    expect(received.text).not.toContain('action="/petitions/' + id + '/answer"');
    const early = await act('answer', { response: 'Sở đã có hướng dẫn tại Công văn 123/SCT.' });
    expect(early.status).toBe(409);
    expect(early.text).toContain('không còn phù hợp với trạng thái');

    expect((await act('assign', { responsibleUnit: 'Phòng Quản lý Công nghiệp' })).headers.location).toBe(`/petitions/${id}?done=assign`);
    const short = await act('answer', { response: 'ok' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('Nhập câu trả lời, ít nhất 10 ký tự.');
    expect((await act('answer', { response: 'Sở đã hướng dẫn tại Công văn số 123/SCT-QLCN ngày 10/11/2026.' })).status).toBe(303);
    expect((await act('close')).status).toBe(303);

    const b = await signedIn(business);
    const mine = await b.agent.get(`/my/petitions/${id}`);
    expect(mine.text).toContain('Sở đã hướng dẫn tại Công văn số 123/SCT-QLCN ngày 10/11/2026.');
    expect(mine.text).toContain('Đã đóng');
    expect(mine.text).not.toContain('action="/petitions/');
    const history = (await o.agent.get(`/petitions/${id}`)).text;
    for (const step of ['Giao đơn vị xử lý', 'Trả lời kiến nghị', 'Đóng kiến nghị']) expect(history).toContain(`<strong>${step}</strong>`);
  });

  it('when a business opens the department pages, or an admin tries to answer, then it is refused', async () => {
    const b = await signedIn(business);
    expect((await b.agent.get('/petitions')).status).toBe(403);
    const a = await signedIn(admin);
    const list = await a.agent.get('/petitions');
    expect(list.status).toBe(200);
    const petition = await PetitionModel.findOne({ status: 'received' }).lean();
    const page = await a.agent.get(`/petitions/${String(petition!._id)}`);
    expect(page.text).not.toContain('/assign"');
    expect((await a.agent.post(`/petitions/${String(petition!._id)}/assign`).type('form').send({ _csrf: csrfTokenOf(page.text), responsibleUnit: 'Phòng X' })).status).toBe(403);
  });
});
