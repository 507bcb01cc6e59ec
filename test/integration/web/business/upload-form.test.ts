import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { uploadSettingsFromConfig } from '../../../../src/documents';
import { minimalPdf } from '../../../fixtures/uploads/sample-files';
import { createOrganization, createUser, PASSWORD } from '../../../support/actors';
import { browser } from '../../../support/browser-session';
import { EPR_DATA } from '../../../support/dossiers';
import { buildTestApp } from '../../../support/test-app';
import { useTestDatabase } from '../../../support/test-database';
import { DossierDocumentModel } from '../../../../src/documents/document.model';

describe('uploading documents from the applicant page', () => {
  const database = useTestDatabase();

  it('when the applicant picks a document and a file on the dossier page, then it is stored and the page lists it; without the form token it is refused', async () => {
    const uploads = uploadSettingsFromConfig({ uploadDir: mkdtempSync(path.join(os.tmpdir(), 'hp-green-web-upload-')), maxUploadBytes: 5 * 1024 * 1024 });
    const app = buildTestApp(database(), { uploads });
    const business = await createUser(app, 'business', await createOrganization());
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'Tải tệp từ trang', data: EPR_DATA });
    const b = browser(app);
    await b.signIn(business.email, PASSWORD);

    const page = await b.agent.get(`/my/dossiers/${created.body.id}`);
    const action = /action="(\/my\/dossiers\/[^"]+\/documents\?_csrf=[^"]+)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
    expect(action).toBeDefined();

    const withoutToken = await b.agent.post(`/my/dossiers/${created.body.id}/documents`).field('code', 'recycling_plan').attach('files', minimalPdf(), 'ke-hoach.pdf');
    expect(withoutToken.status).toBe(403);
    expect(await DossierDocumentModel.countDocuments({ dossierId: created.body.id })).toBe(0);

    const refused = await b.agent.post(action!).field('code', 'recycling_plan').attach('files', Buffer.from('MZ not a pdf at all'), 'ke-hoach.pdf');
    expect(refused.status).toBe(415);
    expect(refused.text).toContain('class="form-error"');
    // Said on the page in its language, from the error's stable reason (an "MZ" header is a program file).
    expect(refused.text).toContain('id="upload-error">Tệp chương trình không được chấp nhận.</p>');

    const uploaded = await b.agent.post(action!).field('code', 'recycling_plan').attach('files', minimalPdf(), 'kế-hoạch tái chế.pdf');
    expect(uploaded.status).toBe(303);
    expect(uploaded.headers.location).toBe(`/my/dossiers/${created.body.id}?done=uploaded#documents`);
    const after = await b.agent.get(String(uploaded.headers.location).replace(/#.*$/, ''));
    expect(after.text).toContain('kế-hoạch tái chế.pdf');
    expect(await DossierDocumentModel.countDocuments({ dossierId: created.body.id, code: 'recycling_plan' })).toBe(1);
  });
});
