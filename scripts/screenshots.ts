/**
 * Takes screenshots of the main pages for the README: `npx tsx scripts/screenshots.ts [out-dir]`.
 * Starts its own embedded database and server (demo data), signs in as each demo user, saves PNGs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedFerretDb } from '../src/db';
import { launchBrowser, signIn, startE2eServer } from '../test/support/e2e';

/**
 * `follow`: open the first link matching it from `path` (a dossier, whose id differs per run). `width`: a phone's.
 * `top`: the first screen only (the workflows page is many screens of diagrams).
 */
const PAGES: { name: string; path: string; user?: string; follow?: string; width?: number; top?: boolean }[] = [
  { name: 'home', path: '/' },
  { name: 'lookup', path: '/lookup' },
  { name: 'certificate-register', path: '/certificates' },
  { name: 'business-dossiers', path: '/my/dossiers', user: 'doanhnghiep@demo.example.vn' },
  { name: 'business-new-application', path: '/my/dossiers/new', user: 'doanhnghiep@demo.example.vn' },
  { name: 'officer-queue', path: '/officer/queue', user: 'chuyenvien@demo.haiphong.gov.vn' },
  { name: 'leader-decisions', path: '/leader/decisions', user: 'lanhdao@demo.haiphong.gov.vn' },
  { name: 'leader-statistics', path: '/leader/statistics', user: 'lanhdao@demo.haiphong.gov.vn' },
  { name: 'pgi-dashboard', path: '/pgi', user: 'lanhdao@demo.haiphong.gov.vn' },
  { name: 'business-certificates', path: '/my/certificates', user: 'doanhnghiep@demo.example.vn' },
  { name: 'business-petitions', path: '/my/petitions', user: 'doanhnghiep@demo.example.vn' },
  { name: 'admin-workflows', path: '/admin/workflows', user: 'admin@demo.haiphong.gov.vn', top: true },
  { name: 'admin', path: '/admin', user: 'admin@demo.haiphong.gov.vn' },
  { name: 'officer-review', path: '/officer/queue', user: 'chuyenvien@demo.haiphong.gov.vn', follow: 'a[href^="/officer/dossiers/"]' },
  { name: 'business-dossier', path: '/my/dossiers', user: 'doanhnghiep@demo.example.vn', follow: 'a[href^="/my/dossiers/"][href$="1"], a[href^="/my/dossiers/"][href*="0"]' },
  { name: 'certificate-verify', path: '/certificates', follow: 'a[href^="/certificates/verify?code="]' },
  { name: 'leader-decision-766', path: '/leader/decision-766', user: 'lanhdao@demo.haiphong.gov.vn' },
  { name: 'mobile-certificate-register', path: '/certificates', width: 390 },
  { name: 'mobile-business-form', path: '/my/dossiers/new/epr', user: 'doanhnghiep@demo.example.vn', width: 390 },
];

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-shots-'));
  const database = await startEmbeddedFerretDb({ dataDir });
  process.env.TEST_MONGODB_URI = database.uri;
  const server = await startE2eServer();
  const browser = await launchBrowser();
  try {
    for (const shot of PAGES) {
      const context = await browser.newContext({ viewport: { width: shot.width ?? 1280, height: shot.width ? 844 : 860 } });
      const page = await context.newPage();
      if (shot.user) await signIn(page, server.url, shot.user);
      let response = await page.goto(`${server.url}${shot.path}`);
      if (shot.follow) {
        const href = await page.locator(shot.follow).first().getAttribute('href');
        response = href ? await page.goto(`${server.url}${href}`) : null;
      }
      if (response && response.status() < 400) await page.screenshot({ path: path.join(out, `${shot.name}.png`), fullPage: !shot.top });
      else process.stdout.write(`skipped ${shot.path} (${response?.status()})\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
