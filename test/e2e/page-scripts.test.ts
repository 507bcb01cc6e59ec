import { signIn, step, useE2eServer } from '../support/e2e';

/** The small scripts our pages load (views/static): each does its one job in a real browser, under our CSP. */
describe('page scripts', () => {
  const e2e = useE2eServer();

  it('when a phone opens a page, then the menu is folded behind its button, which opens and closes it', async () => {
    const page = await e2e.browser().newPage({ viewport: { width: 390, height: 800 } });
    try {
      await step(page, 'phone menu', async () => {
        await page.goto(`${e2e.server().url}/`);
        const button = page.locator('.menu-button');
        const links = page.locator('#nav-links');
        await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
        await expect(links.isVisible()).resolves.toBe(false);
        await button.click();
        await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
        await expect(links.isVisible()).resolves.toBe(true);
        await button.click();
        await expect(links.isVisible()).resolves.toBe(false);
      });
    } finally {
      await page.close();
    }
  });

  it('when a business prints its certificate, then the print button calls the browser\'s print', async () => {
    const page = await e2e.browser().newPage();
    try {
      await step(page, 'certificate print', async () => {
        await signIn(page, e2e.server().url, 'doanhnghiep@demo.example.vn');
        await page.goto(`${e2e.server().url}/my/certificates`);
        await page.locator('main a[href^="/my/certificates/"]').first().click();
        // Counts calls instead of opening the print dialog, which a headless browser cannot show.
        await page.evaluate('window.__printed = 0; window.print = function () { window.__printed += 1; };');
        await page.locator('button[data-print]').click();
        await expect(page.evaluate('window.__printed')).resolves.toBe(1);
      });
    } finally {
      await page.close();
    }
  });
});
