import type { Page } from 'playwright-core';
import { minimalPdf } from '../fixtures/uploads/sample-files';
import { eprRequiredDocuments } from '../support/dossiers';
import { signIn, step, useE2eServer } from '../support/e2e';

const BUSINESS = 'doanhnghiep@demo.example.vn';
const OFFICER = 'chuyenvien@demo.haiphong.gov.vn';
const LEADER = 'lanhdao@demo.haiphong.gov.vn';

/**
 * The whole one-stop journey in a real browser, each person in their own browser context:
 * a business files an EPR application and uploads its documents → an officer requests supplementation →
 * the business resubmits → the officer accepts and recommends approval → a leader approves → the public
 * verifies the certificate by its code.
 */
describe('the EPR journey in Chromium', () => {
  const e2e = useE2eServer();

  async function personFor(email?: string): Promise<Page> {
    const page = await (await e2e.browser().newContext()).newPage();
    if (email) await signIn(page, e2e.server().url, email);
    return page;
  }

  /** Officers' actions are open side by side on the review page: the form for `type`, which must be in view. */
  async function eventForm(page: Page, type: string) {
    const form = page.locator(`form:has(input[name="type"][value="${type}"])`);
    await form.getByRole('button').waitFor({ state: 'visible' });
    return form;
  }

  it('when a business files, an officer reviews and a leader approves, then the public can verify the certificate', async () => {
    const business = await personFor(BUSINESS);
    const dossierUrl = await step(business, 'business-files-draft', async () => {
      await business.goto(`${e2e.server().url}/my/dossiers/new/epr`);
      await business.locator('[name="title"]').fill('EPR bao bì PET năm 2026');
      await business.locator('[name="reportingYear"]').fill('2026');
      await business.locator('[name="role"]').selectOption('producer');
      await business.locator('[name="previousYearAmountVnd"]').fill('50000000000');
      await business.locator('[name="complianceMethod"]').selectOption('recycle');
      await business.locator('[name="productLines.0.productCode"]').selectOption('packaging_rigid_pet');
      await business.locator('[name="productLines.0.placedOnMarketKg"]').fill('500000');
      await business.getByRole('button', { name: 'Lưu nháp' }).click();
      await business.waitForURL(/\/my\/dossiers\/[0-9a-f]{24}/);
      await business.getByText('110.000').first().waitFor();
      return business.url().replace(/[?#].*$/, '');
    });
    const dossierId = dossierUrl.split('/').pop()!;

    await step(business, 'business-uploads-and-submits', async () => {
      // One trip: a file beside each required document, then one button.
      for (const code of eprRequiredDocuments()) {
        await business.locator(`#upload-${code}`).setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: minimalPdf() });
      }
      await business.getByRole('button', { name: 'Tải lên các tệp đã chọn' }).click();
      await business.waitForURL(/done=uploaded/);
      await business.getByText('Đã tải tệp lên.').waitFor();
      await business.getByLabel(/Tôi cam đoan/).check();
      await business.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await business.locator('.state-submitted').first().waitFor();
    });

    const officer = await personFor(OFFICER);
    await step(officer, 'officer-requests-supplementation', async () => {
      await officer.goto(`${e2e.server().url}/officer/dossiers/${dossierId}`);
      const form = await eventForm(officer, 'REQUEST_SUPPLEMENT');
      await form.locator('textarea[name="reasons"]').fill('Thiếu hợp đồng tái chế có chữ ký\nBảng kê khối lượng chưa đóng dấu');
      await form.getByRole('button').click();
      await officer.locator('.state-supplementation_requested').first().waitFor();
    });

    await step(business, 'business-resubmits', async () => {
      await business.goto(dossierUrl);
      await business.getByText('Thiếu hợp đồng tái chế có chữ ký').first().waitFor();
      await business.getByLabel(/Tôi cam đoan/).check();
      await business.getByRole('button', { name: 'Nộp lại hồ sơ' }).click();
      await business.locator('.state-submitted').first().waitFor();
    });

    await step(officer, 'officer-accepts-and-recommends', async () => {
      await officer.goto(`${e2e.server().url}/officer/dossiers/${dossierId}`);
      await (await eventForm(officer, 'ACCEPT')).getByRole('button').click();
      await officer.locator('.state-technical_review').first().waitFor();
      const recommend = await eventForm(officer, 'RECOMMEND');
      await recommend.locator('[name="decision"]').selectOption('approve');
      await recommend.getByRole('button').click();
      await officer.locator('.state-awaiting_decision').first().waitFor();
    });

    const leader = await personFor(LEADER);
    await step(leader, 'leader-approves', async () => {
      await leader.goto(`${e2e.server().url}/leader/decisions`);
      await leader.locator(`#pick-${dossierId}`).check();
      await leader.locator('input[name="decision"][value="APPROVE"]').check();
      await leader.locator('.bulk-form button[type="submit"]').click();
      await leader.locator('form[action="/leader/decisions/apply"] button[type="submit"]').click();
      await leader.waitForURL(/\/leader\/decisions/);
    });

    const code = await step(business, 'business-sees-certificate', async () => {
      await business.goto(`${e2e.server().url}/my/certificates`);
      const link = business.locator('a[href^="/my/certificates/"]').first();
      await link.click();
      const text = await business.locator('main').innerText();
      const match = /\b[0-9A-HJKMNP-TV-Z]{10}\b/.exec(text);
      expect(match).not.toBeNull();
      return match![0];
    });

    const visitor = await personFor();
    await step(visitor, 'public-verifies', async () => {
      await visitor.goto(`${e2e.server().url}/certificates/verify`);
      await visitor.getByLabel('Mã xác thực').fill(code);
      await visitor.getByRole('button', { name: 'Xác thực' }).click();
      await visitor.locator('.certificate-result').getByText('Còn hiệu lực').waitFor();
      expect(await visitor.locator('.certificate-result').innerText()).toContain('EPR');
    });
  });
});
