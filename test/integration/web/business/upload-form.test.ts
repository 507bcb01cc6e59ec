import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { uploadSettingsFromConfig } from '../../../../src/documents';
import { minimalPdf } from '../../../fixtures/uploads/sample-files';
import { createOrganization, createUser, PASSWORD } from '../../../support/actors';
import { browser, csrfTokenOf } from '../../../support/browser-session';
import { EPR_DATA } from '../../../support/dossiers';
import { buildTestApp } from '../../../support/test-app';
import { useTestDatabase } from '../../../support/test-database';
import { DossierDocumentModel } from '../../../../src/documents/document.model';

describe('uploading documents from the applicant page', () => {
  const database = useTestDatabase();

  it('when the applicant picks files beside several documents, then one trip stores each in its own; a refusal comes back beside its file, and a wrong file can be removed', async () => {
    const uploads = uploadSettingsFromConfig({ uploadDir: mkdtempSync(path.join(os.tmpdir(), 'hp-green-web-upload-')), maxUploadBytes: 5 * 1024 * 1024 });
    const app = buildTestApp(database(), { uploads });
    const business = await createUser(app, 'business', await createOrganization());
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'Tải tệp từ trang', data: EPR_DATA });
    const b = browser(app);
    await b.signIn(business.email, PASSWORD);

    const page = await b.agent.get(`/my/dossiers/${created.body.id}`);
    const action = /action="(\/my\/dossiers\/[^"]+\/documents\?_csrf=[^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    expect(action).toBeDefined();

    const withoutToken = await b.agent.post(`/my/dossiers/${created.body.id}/documents`).attach('files[recycling_plan]', minimalPdf(), 'ke-hoach.pdf');
    expect(withoutToken.status).toBe(403);
    expect(await DossierDocumentModel.countDocuments({ dossierId: created.body.id })).toBe(0);

    // One file beside each document, one trip; a refused file sends the page back with the reason beside it.
    const refused = await b.agent.post(action!).attach('files[recycling_plan]', minimalPdf(), 'ke-hoach.pdf').attach('files[epr_registration_form]', Buffer.from('MZ not a pdf at all'), 'dang-ky.pdf');
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toBe(`/my/dossiers/${created.body.id}?upload=executable&for=epr_registration_form#documents`);
    expect(await DossierDocumentModel.countDocuments({ dossierId: created.body.id })).toBe(0);
    const withError = await b.agent.get(String(refused.headers.location).replace(/#.*$/, ''));
    // Said beside the file it concerns, in the page's language (an "MZ" header is a program file), with focus there.
    expect(withError.text).toContain('<p class="field-error" id="upload-error-epr_registration_form">Tệp chương trình không được chấp nhận.</p>');
    expect(withError.text).toMatch(/id="upload-epr_registration_form"[^>]*aria-invalid="true" autofocus/);
    // A reason the page does not know reads as the general refusal, never as a code.
    expect((await b.agent.get(`/my/dossiers/${created.body.id}?upload=%3Cscript%3E`)).text).toContain('Tệp chưa được nhận; hãy thử lại.');

    const uploaded = await b.agent.post(action!).attach('files[recycling_plan]', minimalPdf(), 'kế-hoạch tái chế.pdf').attach('files[epr_registration_form]', minimalPdf('form'), 'nhầm tệp.pdf');
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.location).toBe(`/my/dossiers/${created.body.id}?done=uploaded#documents`);
    const after = await b.agent.get(String(uploaded.headers.location).replace(/#.*$/, ''));
    expect(after.text).toContain('kế-hoạch tái chế.pdf');
    expect(after.text).toContain('Xem trước');
    expect(await DossierDocumentModel.countDocuments({ dossierId: created.body.id, code: 'recycling_plan' })).toBe(1);

    // The wrong file is taken back with its own button; the page says so and no longer lists it.
    const wrong = await DossierDocumentModel.findOne({ dossierId: created.body.id, code: 'epr_registration_form' }).lean();
    const removeAction = `/my/dossiers/${created.body.id}/documents/${String(wrong?._id)}/remove`;
    expect(after.text).toContain(`action="${removeAction}"`);
    const removed = await b.agent.post(removeAction).type('form').send({ _csrf: csrfTokenOf(after.text) });
    expect(removed.headers.location).toBe(`/my/dossiers/${created.body.id}?done=removed#documents`);
    const cleaned = await b.agent.get(`/my/dossiers/${created.body.id}?done=removed`);
    expect(cleaned.text).toContain('Đã gỡ tệp.');
    expect(cleaned.text).not.toContain('nhầm tệp.pdf');
  });
});
