import type { Page } from 'playwright-core';
import { signIn, step, useE2eServer } from '../support/e2e';

describe('public pages and sign-in in a real browser', () => {
  const e2e = useE2eServer();
  let page: Page;

  beforeAll(async () => {
    page = await e2e.browser().newPage();
  });
  afterAll(async () => {
    await page?.close();
  });
  beforeEach(async () => {
    page = await e2e.browser().newPage();
  });
  afterEach(async () => {
    await page.close();
  });

  it('when a visitor opens the home page, then the four procedures are explained in Vietnamese, and English is one click away', async () => {
    await step(page, 'home-vi', async () => {
      await page.goto(e2e.server().url);
      await page.getByRole('heading', { name: 'Dịch vụ công trực tuyến về chuyển đổi xanh' }).waitFor();
      expect(await page.locator('article.card').count()).toBe(4);
    });
    await step(page, 'home-en', async () => {
      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Online public services for green transformation' }).waitFor();
    });
  });

  it('when a visitor looks up an unknown dossier code, then the form says it was not found and keeps the code', async () => {
    await step(page, 'lookup', async () => {
      await page.goto(`${e2e.server().url}/lookup`);
      await page.getByLabel('Mã hồ sơ').fill('HP-EPR-2026-999999');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Không tìm thấy hồ sơ có mã này.').waitFor();
      expect(await page.getByLabel('Mã hồ sơ').inputValue()).toBe('HP-EPR-2026-999999');
    });
  });

  it('when the demo officer signs in and out, then they reach their queue and then see the sign-in link again', async () => {
    await step(page, 'officer-sign-in', async () => {
      await signIn(page, e2e.server().url, 'chuyenvien@demo.haiphong.gov.vn');
      await page.waitForURL(/\/officer\/queue|\/dashboard/);
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
    });
  });
});
