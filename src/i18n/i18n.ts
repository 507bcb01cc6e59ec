import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import i18next, { type TFunction } from 'i18next';
import { fromRoot } from '../paths';
import { citationIn, sourceIn, valueNoteIn } from './legal-text';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LANGUAGE_COOKIE = 'hpg.lang';

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Intl formatters cost far more to build than to use (a PGI page formats thousands of numbers): built once per
 * locale and number of digits, shared by every request.
 */
const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = intlCache.get(key) as T | undefined;
  if (!formatter) intlCache.set(key, (formatter = build()));
  return formatter;
}

/** Formatting for pages: Vietnamese conventions (dd/mm/yyyy, 1.234.567 ₫) in the province's time zone. */
export function formatters(locale: Locale) {
  const intl = INTL_LOCALE[locale];
  const date = cached(`date:${intl}`, () => new Intl.DateTimeFormat(intl, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }));
  const dateTime = cached(`dateTime:${intl}`, () => new Intl.DateTimeFormat(intl, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
  const vnd = cached('vnd', () => new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }));
  const toDate = (value: unknown) => (value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined);
  return {
    date: (value: unknown) => { const d = toDate(value); return d && !Number.isNaN(d.getTime()) ? date.format(d) : '—'; },
    dateTime: (value: unknown) => { const d = toDate(value); return d && !Number.isNaN(d.getTime()) ? dateTime.format(d) : '—'; },
    number: (value: number, digits = 0) => cached(`number:${intl}:${digits}`, () => new Intl.NumberFormat(intl, { maximumFractionDigits: digits })).format(value),
    // The English side writes amounts its own way too (50,000,000,000 VND), not the Vietnamese 50.000.000.000 ₫.
    vnd: (value: number) => (locale === 'en' ? `${cached('number:en-GB:0', () => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })).format(value)} VND` : vnd.format(value)),
  };
}

export interface Translator {
  t: TFunction;
  locale: Locale;
}

/**
 * Loads every string from views/locales/<locale>/*.json. Each file holds whole top-level sections (e.g.
 * `business.json` holds `business.*`), so capabilities keep their strings apart; a section defined twice is
 * a mistake and fails loudly.
 */
function loadLocale(locale: Locale): Record<string, unknown> {
  const dir = fromRoot('views', 'locales', locale);
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const sections = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    for (const [section, strings] of Object.entries(sections)) {
      if (section in merged) throw new Error(`locale ${locale}: section "${section}" is defined twice (${file})`);
      merged[section] = strings;
    }
  }
  return merged;
}

export function createTranslations(defaultLocale: Locale): (locale: Locale) => TFunction {
  const resources = Object.fromEntries(LOCALES.map((locale) => [locale, { translation: loadLocale(locale) }]));
  const instance = i18next.createInstance();
  // Resources are in memory, so initialisation can be synchronous (initAsync: false).
  void instance.init({ resources, lng: defaultLocale, fallbackLng: defaultLocale, supportedLngs: [...LOCALES], interpolation: { escapeValue: false }, initAsync: false });
  return (locale) => instance.getFixedT(locale);
}

/**
 * Picks the language: `?lang=` (remembered in a cookie), else the cookie, else the signed-in user's
 * preference, else (API only) the request's Accept-Language, else the default. Exposes `t`, `locale` and formatters to every view.
 */
export function languageMiddleware(translate: (locale: Locale) => TFunction, defaultLocale: Locale): RequestHandler {
  // Runs twice: early (so even a body-parsing error page is translated) and after sign-in (user preference).
  return (req, res, next) => {
    const requested = req.query.lang;
    if (isLocale(requested)) res.cookie(LANGUAGE_COOKIE, requested, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
    const cookie = (req.cookies as Record<string, string> | undefined)?.[LANGUAGE_COOKIE];
    const userLocale = (req.user as { locale?: string } | undefined)?.locale;
    // An API client without a cookie or an account preference says its language in Accept-Language. Pages do
    // not follow it: a browser's language is not the reader's choice, and the site is Vietnamese first.
    const accepted = req.originalUrl.startsWith('/api/') && req.headers['accept-language'] ? req.acceptsLanguages(...LOCALES) : false;
    const locale: Locale = isLocale(requested) ? requested : isLocale(cookie) ? cookie : isLocale(userLocale) ? userLocale : isLocale(accepted) ? accepted : defaultLocale;
    res.locals.locale = locale;
    res.locals.t = translate(locale);
    res.locals.fmt = formatters(locale);
    // Legal citations and the sources of legal values, the page's way (legal-text.ts).
    res.locals.legalText = (text: unknown) => citationIn(String(text ?? ''), locale);
    res.locals.sourceText = (text: unknown) => sourceIn(String(text ?? ''), locale);
    res.locals.noteText = (text: unknown) => valueNoteIn(String(text ?? ''), locale);
    next();
  };
}
