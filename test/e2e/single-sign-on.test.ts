import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApplication } from '../../src/server';
import { launchBrowser, startE2eServer, step } from '../support/e2e';

/** A port nobody listens on now (asked of the system, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const CLIENT = { id: 'so-cong-thuong-hai-phong', secret: 'test-only-client-secret-0123456789' };

/** The provider's people: one with the demo business's verified address, one new with a demo tax code, one unverified. */
const ACCOUNTS = {
  hoa: { email: 'doanhnghiep@demo.example.vn', email_verified: true, name: 'Nguyễn Thị Hoa' },
  moi: { email: 'nguoimoi.sso@example.vn', email_verified: true, name: 'Đỗ Văn Mới', tax_code: '0220010130' },
  chuaxacminh: { email: 'chua.xac.minh@example.vn', email_verified: false, name: 'Chưa Xác Minh' },
};

describe('single sign-on with an OpenID Connect provider', () => {
  let provider: ChildProcess;
  let server: RunningApplication;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const [providerPort, appPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${appPort}`;
    provider = spawn(process.execPath, [path.join(__dirname, '../support/oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_TEST_PORT: String(providerPort),
        OIDC_TEST_CLIENT_ID: CLIENT.id,
        OIDC_TEST_CLIENT_SECRET: CLIENT.secret,
        OIDC_TEST_REDIRECT_URI: `${base}/login/sso/callback`,
        OIDC_TEST_ACCOUNTS: JSON.stringify(ACCOUNTS),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((resolve, reject) => {
      provider.stdout!.on('data', (chunk: Buffer) => String(chunk).includes('ready') && resolve());
      provider.once('exit', (code) => reject(new Error(`the provider exited (${code})`)));
    });
    server = await startE2eServer({
      PORT: String(appPort),
      BASE_URL: base,
      OIDC_ISSUER_URL: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_LABEL: 'VNeID (thử nghiệm)',
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    provider?.kill();
  });

  /** Through the provider's own login and consent pages, as a person would. */
  async function signOnAs(page: Page, login: string) {
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID (thử nghiệm)' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
    if (await consent.count()) await consent.click();
  }

  it('when a person signs on with a verified e-mail of an account, then they are signed in; a new person with a registered tax code asks to join; an unverified address is refused', async () => {
    const page = await (await browser.newContext()).newPage();
    await step(page, 'sso-known-account', async () => {
      await signOnAs(page, 'hoa');
      await page.waitForURL(`${base}/my/dossiers`);
      await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    });

    const newcomer = await (await browser.newContext()).newPage();
    await step(newcomer, 'sso-join-request', async () => {
      await signOnAs(newcomer, 'moi');
      await newcomer.getByRole('heading', { name: 'Đã gửi yêu cầu tham gia' }).waitFor();
    });
    await step(page, 'sso-request-seen-by-admin', async () => {
      await page.goto(`${base}/my/organization`);
      await page.getByText('Đỗ Văn Mới').waitFor();
    });

    const unverified = await (await browser.newContext()).newPage();
    await step(unverified, 'sso-unverified', async () => {
      await signOnAs(unverified, 'chuaxacminh');
      await unverified.getByRole('heading', { name: 'Địa chỉ thư chưa được xác minh' }).waitFor();
    });
  }, 180_000);
});
