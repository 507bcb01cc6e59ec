import type { Page } from 'playwright-core';
import { signIn, step, useE2eServer } from '../support/e2e';

/**
 * The demo data decides one dossier through the real event path, so the current quarter has figures: a leader
 * follows a number down to the dossier behind it, in a real browser.
 */
describe('the PGI dashboard in a real browser', () => {
  const e2e = useE2eServer();
  let page: Page;

  beforeAll(async () => {
    page = await e2e.browser().newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('when the demo leader opens the PGI, then the four components show with trend charts, and a figure leads to its dossier', async () => {
    await step(page, 'pgi-open', async () => {
      await signIn(page, e2e.server().url, 'lanhdao@demo.haiphong.gov.vn');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.goto(`${e2e.server().url}/pgi`);
      await page.getByRole('heading', { name: 'Chỉ số Xanh cấp tỉnh (PGI): số liệu từ hồ sơ của Sở' }).waitFor();
      expect(await page.locator('article.card[id^="component-"]').count()).toBe(4);
      // Every indicator has its trend drawn as an inline SVG that the browser lays out with a real size.
      const trend = page.locator('figure.pgi-trend svg').first();
      const box = await trend.boundingBox();
      expect(box?.width).toBeGreaterThan(50);
    });
    const code = await step(page, 'pgi-drill-down', async () => {
      const onTime = page.locator('details#c4_on_time_processing_rate');
      await onTime.locator('summary').click();
      const link = onTime.locator('ul.codes a').first();
      await link.waitFor();
      return (await link.textContent())!.trim();
    });
    await step(page, 'pgi-to-dossier', async () => {
      await page.locator('details#c4_on_time_processing_rate ul.codes a').first().click();
      await page.waitForURL(/\/officer\/dossiers\/[0-9a-f]{24}$/);
      await page.getByText(code).first().waitFor();
    });
  });

  it('when the leader switches to English, then the dashboard is in English', async () => {
    await step(page, 'pgi-english', async () => {
      await page.goto(`${e2e.server().url}/pgi?lang=en`);
      await page.getByRole('heading', { name: /Provincial Green Index/ }).first().waitFor();
      await page.getByRole('heading', { name: /Environmental policies and support services/ }).waitFor();
    });
  });
});
