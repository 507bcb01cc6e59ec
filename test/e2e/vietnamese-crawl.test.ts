import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/seed/hai-phong.data';
import { signIn, useE2eServer } from '../support/e2e';

/**
 * Every page each role can reach, in a real browser, read as a Vietnamese reader would: no translation key left
 * unresolved, no internal identifier (snake_case codes, event names), no English sentence. Pages are found by
 * following the links each role sees from its start pages (at most two pages per route shape, so 50 dossiers do not
 * make 50 visits), downloads and actions left alone.
 */
const ROLES = ['public', 'business', 'officer', 'leader', 'admin'] as const;
type Role = (typeof ROLES)[number];
const START: Record<Role, string[]> = {
  public: ['/', '/lookup', '/certificates', '/certificates/verify', '/login', '/trang-khong-co'],
  business: ['/my/dossiers', '/my/certificates', '/my/calendar', '/my/petitions'],
  officer: ['/officer/queue', '/petitions', '/conferences'],
  leader: ['/leader/decisions', '/leader/statistics', '/pgi'],
  admin: ['/admin/users', '/admin/workflows'],
};
const PAGES_PER_ROLE = 45;

/** i18next answers a missing key with the key itself. */
const UNRESOLVED_KEY = /\b(?:business|officer|leader|admin|common|states|types|pgi|dialogue|home|lookup|errors|agencies|nav|input|public|certificates|petitions)\.[a-zA-Z_]+(?:\.[\w]+)*/;
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;
/** A field name as code writes it (capacityKw, after.deadlines): never for a reader. Units such as kWp and tCO2e do not match. */
const CAMEL_CASE = /\b[a-z]{2,}[A-Z][a-zA-Z]+\b|\b(?:data|results|after|deadlines|payload)\.[a-z]\w*/;
const EVENT_NAME = /\b(?:SUBMIT|RESUBMIT|ACCEPT|APPROVE|REJECT|REVOKE|WITHDRAW|RECOMMEND|[A-Z]+_[A-Z_]+)\b/;
/** Two or more of these in one sentence: English. */
const ENGLISH_WORDS = /\b(?:the|and|of|is|are|was|with|for|not|this|that|from|has|have|be|will|your|you)\b/gi;
/**
 * Words that legitimately appear on a Vietnamese page: names, acronyms and units, each with its reason.
 * - EPR, GHG, PGI, CO2, IPCC, kWp, kWh, MWh, TOE, tCO2e, VND: the domain's own abbreviations and units.
 * - DEEP C: the name of an eco-industrial park in Hai Phong.
 */
const ALLOWED = /\b(?:DEEP C)\b/g;

function problemsIn(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split(/\n+/).map((l) => l.replace(ALLOWED, '').trim()).filter(Boolean)) {
    const key = UNRESOLVED_KEY.exec(line);
    if (key) found.push(`translation key "${key[0]}" in: ${line.slice(0, 160)}`);
    const snake = SNAKE_CASE.exec(line);
    if (snake) found.push(`code "${snake[0]}" in: ${line.slice(0, 160)}`);
    const camel = CAMEL_CASE.exec(line);
    if (camel) found.push(`field name "${camel[0]}" in: ${line.slice(0, 160)}`);
    const event = EVENT_NAME.exec(line);
    if (event) found.push(`event name "${event[0]}" in: ${line.slice(0, 160)}`);
    for (const sentence of line.split(/[.;:!?]\s+/)) {
      const english = sentence.match(ENGLISH_WORDS) ?? [];
      if (english.length >= 2) found.push(`English in: ${sentence.slice(0, 160)}`);
    }
  }
  return found;
}

/** One key per route shape: ids and codes replaced, so a list of 50 dossiers is visited twice, not 50 times. */
const shapeOf = (path: string) => path.replace(/[0-9a-f]{24}/g, ':id').replace(/HP-[A-Z]+-\d{4}-\d+/g, ':code').replace(/\?.*$/, '');

/** Letters only Vietnamese uses (with their tone marks): on an English page they mean an untranslated string. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/**
 * On an English page, what the page itself says (labels, headings of sections, buttons, column heads, hints,
 * messages, the menu) must be English; what people typed or the register holds (names, titles) stays as written:
 * the pages mark it translate="no" (the HTML attribute for text a translation must leave alone) and it is not read.
 */
const INTERFACE_TEXT = 'label, button, th, legend, dt, summary, .hint, .flash, .form-error, .field-error, .main-nav a, h2, .steps li, .lead, main p, main li';

async function englishProblems(page: Page): Promise<string[]> {
  const texts = await page.locator(INTERFACE_TEXT).evaluateAll((elements) =>
    elements
      .filter((e) => !e.closest('[translate="no"]'))
      .map((e) => {
        const copy = e.cloneNode(true) as typeof e;
        copy.querySelectorAll('[translate="no"]').forEach((data: { remove(): void }) => data.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      })
      .filter(Boolean),
  );
  return texts.filter((text) => VIETNAMESE.test(text)).map((text) => `Vietnamese in: ${text.slice(0, 160)}`);
}

async function crawl(page: Page, base: string, role: Role, language: 'vi' | 'en' = 'vi'): Promise<{ report: Map<string, string[]>; visited: number }> {
  const queue = [...START[role]];
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const report = new Map<string, string[]>();
  while (queue.length && seen.size < PAGES_PER_ROLE) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const shape = shapeOf(path);
    if ((perShape.get(shape) ?? 0) >= 2) continue;
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    seen.add(path);
    const response = await page.goto(`${base}${path}`);
    if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    // What folds away (details) is read too: a reader opens it.
    await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    const problems = language === 'vi' ? problemsIn(await page.locator('main, body').first().innerText()) : await englishProblems(page);
    if (problems.length) report.set(path, problems);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      const clean = href.replace(/#.*$/, '');
      if (!clean || /^\/(api|static|logout)\b|lang=(en|vi)|\.(pdf|xlsx|docx|csv|png|svg)$|\/export|\/download|\/file/.test(clean)) continue;
      if (!seen.has(clean)) queue.push(clean);
    }
  }
  return { report, visited: seen.size };
}

describe('every page in Vietnamese', () => {
  const e2e = useE2eServer();

  it.each(ROLES)('when the %s pages are read in Vietnamese, then none shows a translation key, an internal code or an English sentence', async (role) => {
    const page = await e2e.browser().newPage();
    try {
      const email = DEMO_USERS.find((u) => u.role === (role === 'business' ? 'business' : role))?.email;
      if (role !== 'public') await signIn(page, e2e.server().url, email!);
      const { report, visited } = await crawl(page, e2e.server().url, role);
      expect(Object.fromEntries(report)).toEqual({});
      // The crawl reached the role's pages (a sign-in that failed would leave only the login page).
      expect(visited).toBeGreaterThanOrEqual(role === 'public' ? 6 : 8);
    } finally {
      await page.close();
    }
  }, 240_000);
});

describe('every page in English', () => {
  const e2e = useE2eServer();

  it.each(ROLES)('when the %s pages are read in English, then no label, heading, button, hint or message is left in Vietnamese', async (role) => {
    const page = await e2e.browser().newPage();
    try {
      const email = DEMO_USERS.find((u) => u.role === role)?.email;
      if (role !== 'public') await signIn(page, e2e.server().url, email!);
      // The language is remembered from then on (a cookie), as when a person picks it in the header.
      await page.goto(`${e2e.server().url}/?lang=en`);
      const { report, visited } = await crawl(page, e2e.server().url, role, 'en');
      expect(Object.fromEntries(report)).toEqual({});
      expect(visited).toBeGreaterThanOrEqual(role === 'public' ? 6 : 8);
    } finally {
      await page.close();
    }
  }, 240_000);
});
