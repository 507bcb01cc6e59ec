import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { startApplication, type RunningApplication } from '../../src/server';
import { testDatabaseUri } from './test-database';

export const DEMO_PASSWORD = 'E2e-Demo-Password-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-results');

/** The real server (same composition root as `npm start`, demo seed included) on a free port and its own database. */
export async function startE2eServer(extraEnv: Record<string, string> = {}): Promise<RunningApplication & { dataDir: string }> {
  const uri = new URL(testDatabaseUri());
  uri.pathname = `/e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: uri.toString(),
    DEMO_PASSWORD,
    DATA_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, 'uploads'),
    LOG_LEVEL: 'silent',
    ...extraEnv,
  });
  return Object.assign(await startApplication(config, createLogger('silent')), { dataDir });
}

/** Debian's Chromium with the flags this sandboxed, offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Runs one step; on failure keeps a screenshot under test-results/ for the CI artifacts. */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/Thư điện tử|E-mail/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
}

/** The real server and Chromium for one suite: started before its tests, stopped after them. */
export function useE2eServer(): { server: () => RunningApplication & { dataDir: string }; browser: () => Browser } {
  let server: (RunningApplication & { dataDir: string }) | undefined;
  let browser: Browser | undefined;
  // The server seeds the demo history on start (about 10 s on a quiet machine, several times that on a busy one).
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return { server: () => server!, browser: () => browser! };
}
