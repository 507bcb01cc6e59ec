import { freshTaxCode as freshTaxCodeFrom } from '../support/actors';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { minimalPdf } from '../fixtures/uploads/sample-files';
import { eprRequiredDocuments } from '../support/dossiers';
import { signIn, step, useE2eServer } from '../support/e2e';

const PASSWORD = 'Xanh-Hai-Phong-2026';

const freshTaxCode = () => freshTaxCodeFrom('7');

/**
 * The path of the newest link of `kind` in the mail written to `address` (development mail is .eml files in the
 * data folder; the scheduler sends within seconds). Quoted-printable soft breaks are undone first.
 */
async function linkInMail(dataDir: string, address: string, kind: RegExp): Promise<string> {
  const folder = path.join(dataDir, 'mail-outbox');
  for (let waited = 0; waited < 60_000; waited += 500) {
    const files = (() => {
      try {
        return readdirSync(folder).map((name) => path.join(folder, name));
      } catch {
        return [];
      }
    })();
    for (const file of files.reverse()) {
      const text = readFileSync(file, 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (!text.includes(address)) continue;
      const match = kind.exec(text);
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no mail to ${address} with ${kind}`);
}

async function signInAs(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('a business joins by itself', () => {
  const e2e = useE2eServer();

  it('when a new business registers, verifies its address, is approved, files and submits, and invites a colleague, then the colleague signs in and sees the dossier', async () => {
    const base = e2e.server().url;
    const dataDir = e2e.server().dataDir;
    const email = `giamdoc.${Date.now()}@example.vn`;
    const colleague = `nhanvien.${Date.now()}@example.vn`;
    const page = await (await e2e.browser().newContext()).newPage();

    await step(page, 'registers', async () => {
      await page.goto(`${base}/login`);
      await page.getByRole('link', { name: 'Đăng ký tài khoản doanh nghiệp' }).click();
      await page.getByLabel('Mã số thuế').fill(freshTaxCode());
      await page.getByLabel('Tên tổ chức').fill('Công ty TNHH Bao bì Tự Đăng Ký');
      await page.getByLabel('Xã, phường, đặc khu').fill('Phường Hải An');
      await page.getByLabel('Địa chỉ (số nhà, đường, thôn, tổ)').fill('Số 8 đường Lê Hồng Phong');
      await page.getByLabel('Họ và tên').fill('Phạm Minh Giám Đốc');
      await page.getByLabel('Thư điện tử').fill(email);
      await page.locator('#f-phone').fill('0225 3 555 666');
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
      await page.getByRole('heading', { name: 'Hãy kiểm tra hộp thư' }).waitFor();
    });

    await step(page, 'verifies-and-is-approved', async () => {
      const verify = await linkInMail(dataDir, email, /\/register\/verify\/[0-9a-f]{32}\.[\w-]+/);
      await page.goto(`${base}${verify}`);
      await page.getByRole('heading', { name: 'Đã xác nhận địa chỉ thư' }).waitFor();
      const admin = await (await e2e.browser().newContext()).newPage();
      await signIn(admin, base, 'admin@demo.haiphong.gov.vn');
      await admin.goto(`${base}/admin/account-requests`);
      const card = admin.locator('section.card', { hasText: 'Công ty TNHH Bao bì Tự Đăng Ký' });
      await card.getByRole('button', { name: 'Chấp thuận' }).click();
      await admin.getByText('Đã xử lý đăng ký.').waitFor();
    });

    const dossierUrl = await step(page, 'files-and-submits', async () => {
      await signInAs(page, base, email, PASSWORD);
      await page.goto(`${base}/my/dossiers/new/epr`);
      await page.locator('[name="title"]').fill('EPR bao bì năm 2026 (tự đăng ký)');
      await page.locator('[name="reportingYear"]').fill('2026');
      await page.locator('[name="role"]').selectOption('producer');
      await page.locator('[name="previousYearAmountVnd"]').fill('50.000.000.000');
      await page.locator('[name="complianceMethod"]').selectOption('recycle');
      await page.locator('[name="productLines.0.productCode"]').selectOption('packaging_rigid_pet');
      await page.locator('[name="productLines.0.placedOnMarketKg"]').fill('500.000');
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await page.waitForURL(/\/my\/dossiers\/[0-9a-f]{24}/);
      for (const code of eprRequiredDocuments()) {
        await page.locator(`#upload-${code}`).setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf() });
      }
      await page.getByRole('button', { name: 'Tải lên các tệp đã chọn' }).click();
      await page.waitForURL(/done=uploaded/);
      await page.getByLabel(/Tôi cam đoan/).check();
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await page.locator('.state-submitted').first().waitFor();
      return page.url().replace(/[?#].*$/, '');
    });

    await step(page, 'invites-a-colleague', async () => {
      await page.goto(`${base}/my/organization`);
      await page.getByLabel('Thư điện tử').fill(colleague);
      await page.getByLabel('Họ và tên').fill('Vũ Thị Đồng Nghiệp');
      await page.getByRole('button', { name: 'Gửi lời mời' }).click();
      await page.getByText('Đã gửi lời mời.').waitFor();
    });

    await step(page, 'colleague-accepts-and-sees', async () => {
      const invitation = await linkInMail(dataDir, colleague, /\/invitation\/[0-9a-f]{32}\.[\w-]+/);
      const other = await (await e2e.browser().newContext()).newPage();
      await other.goto(`${base}${invitation}`);
      await other.getByText('Công ty TNHH Bao bì Tự Đăng Ký').waitFor();
      await other.getByLabel('Mật khẩu').fill(PASSWORD);
      await other.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await other.waitForURL(/\/login\?done=invited/);
      await signInAs(other, base, colleague, PASSWORD);
      await other.goto(`${base}/my/dossiers`);
      await other.getByText('EPR bao bì năm 2026 (tự đăng ký)').waitFor();
      await other.goto(dossierUrl);
      await other.locator('.state-submitted').first().waitFor();
    });
  }, 240_000);
});
