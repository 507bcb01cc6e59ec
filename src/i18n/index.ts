export { createTranslations, languageMiddleware, formatters, LOCALES, type Locale } from './i18n';
export { parseLocaleNumber, formatLocaleNumber } from './locale-number';
export { citationIn, sourceIn, valueNoteIn } from './legal-text';
