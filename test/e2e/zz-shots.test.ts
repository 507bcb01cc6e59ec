import { signIn, useE2eServer } from '../support/e2e';

describe('shots', () => {
  const e2e = useE2eServer();
  it('pgi and statistics', async () => {
    const page = await e2e.browser().newPage({ viewport: { width: 1280, height: 900 } });
    const base = e2e.server().url;
    await signIn(page, base, 'lanhdao@demo.haiphong.gov.vn');
    await page.goto(`${base}/pgi`);
    await page.screenshot({ path: '/tmp/shots/pgi.png', fullPage: true });
    await page.goto(`${base}/leader/statistics`);
    await page.screenshot({ path: '/tmp/shots/stats.png', fullPage: true });
    await page.goto(`${base}/admin/workflows`);
  });
});
