import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { signIn, step, useE2eServer } from '../support/e2e';

/** axe-core's browser bundle, injected into each page (it runs there, against the rendered DOM). */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // A string, evaluated in the page: axe runs against the browser's DOM, which this Node project has no types for.
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
  const violations = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations)`)) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** WCAG 2.1 A/AA checks of the main pages of each audience, as rendered by a real browser with the demo data. */
describe('accessibility of the main pages (axe-core, WCAG 2.1 AA)', () => {
  const e2e = useE2eServer();

  /** `paths` are opened as they are; `follow` opens the first link on the last page whose href matches (a dossier of the demo data). */
  const audiences: { who: string; user?: string; paths: string[]; follow?: RegExp }[] = [
    { who: 'the public', paths: ['/', '/lookup', '/certificates', '/certificates/verify', '/login', '/register', '/password/forgot', '/?lang=en'] },
    { who: 'a business', user: 'doanhnghiep@demo.example.vn', paths: ['/my/certificates', '/my/calendar', '/my/petitions', '/my/organization', '/my/profile', '/my/dossiers/new', '/my/dossiers/new/epr', '/my/dossiers'], follow: /^\/my\/dossiers\/[0-9a-f]{24}$/ },
    { who: 'an officer', user: 'chuyenvien@demo.haiphong.gov.vn', paths: ['/conferences', '/petitions', '/pgi', '/officer/queue'], follow: /^\/officer\/dossiers\/[0-9a-f]{24}$/ },
    { who: 'a leader', user: 'lanhdao@demo.haiphong.gov.vn', paths: ['/leader/decisions', '/leader/statistics', '/leader/decision-766'] },
    { who: 'an administrator', user: 'admin@demo.haiphong.gov.vn', paths: ['/admin', '/admin/users', '/admin/account-requests', '/admin/calendar', '/admin/workflows', '/admin/national-portal'] },
  ];

  it.each(audiences.map((a) => [a.who, a] as const))('when %s opens its main pages, then axe finds no serious or critical WCAG violation', async (_who, audience) => {
    // Our CSP forbids inline scripts, axe's included: the test context alone bypasses it.
    const context = await e2e.browser().newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      if (audience.user) {
        await signIn(page, e2e.server().url, audience.user);
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      }
      const found: string[] = [];
      for (const path of audience.paths) {
        await step(page, `a11y${path}`, async () => {
          const response = await page.goto(`${e2e.server().url}${path}`);
          expect(response?.status()).toBeLessThan(400);
          found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
        });
      }
      if (audience.follow) {
        const pattern = audience.follow;
        const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        const target = hrefs.find((href) => pattern.test(href));
        expect(target).toBeDefined();
        await step(page, `a11y${target}`, async () => {
          await page.goto(`${e2e.server().url}${target}`);
          found.push(...(await seriousViolations(page)).map((v) => `${target}: ${v}`));
        });
      }
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
