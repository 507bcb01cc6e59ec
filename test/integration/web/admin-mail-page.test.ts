import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createUser } from '../../support/actors';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

describe('the development mail page', () => {
  const database = useTestDatabase();

  it('when mail was written as .eml files, then admins see it listed and officers may not', async () => {
    const outbox = await mkdtemp(path.join(os.tmpdir(), 'hp-green-mail-page-'));
    const eml = [
      'From: "Sở Công Thương Hải Phòng" <no-reply@localhost>',
      'To: doanhnghiep@demo.example.vn',
      'Subject: =?UTF-8?B?' + Buffer.from('[HP-EPR-2026-000001] Đã tiếp nhận hồ sơ').toString('base64') + '?=',
      'Message-ID: <abc.def@hp-green>',
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      '',
      'Xin chào',
    ].join('\r\n');
    await writeFile(path.join(outbox, 'abc.def.eml'), eml);
    const app = buildTestApp(database(), { mailOutboxDir: outbox });
    const admin = await createUser(app, 'admin');
    const officer = await createUser(app, 'officer');

    const page = await request(app).get('/admin/mail').set('Authorization', `Bearer ${admin.token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('[HP-EPR-2026-000001] Đã tiếp nhận hồ sơ');
    expect(page.text).toContain('doanhnghiep@demo.example.vn');
    expect((await request(app).get('/admin/mail').set('Authorization', `Bearer ${officer.token}`)).status).toBe(403);
  });
});
