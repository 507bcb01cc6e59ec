export { createTranslations, languageMiddleware, formatters, LOCALES, LANGUAGE_COOKIE, type Locale } from './i18n';
export { parseLocaleNumber, formatLocaleNumber } from './locale-number';
export { citationIn, sourceIn, valueNoteIn } from './legal-text';
