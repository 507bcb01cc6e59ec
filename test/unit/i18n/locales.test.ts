import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslations } from '../../../src/i18n';

const root = path.resolve(__dirname, '../../..');

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

function localeKeys(locale: string): string[] {
  const dir = path.join(root, 'views', 'locales', locale);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => keysOf(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))))
    .sort();
}

function viewFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? viewFiles(path.join(dir, entry.name)) : entry.name.endsWith('.eta') ? [path.join(dir, entry.name)] : [],
  );
}

describe('locale files', () => {
  it('when Vietnamese and English are compared, then they have exactly the same keys', () => {
    expect(localeKeys('en')).toEqual(localeKeys('vi'));
  });

  it('when a view asks for a string by a literal key, then that key exists in both languages', () => {
    const known = new Set(localeKeys('vi'));
    const missing = viewFiles(path.join(root, 'views')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'\s*[,)]/g)].map((m) => m[1]!).filter((key) => !known.has(key)).map((key) => `${path.relative(root, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('when a string is translated, then interpolation works in both languages', () => {
    const translate = createTranslations('vi');
    expect(translate('vi')('home.workingDays', { count: 10 })).toBe('10 ngày làm việc');
    expect(translate('en')('home.workingDays', { count: 10 })).toBe('10 working days');
  });
});
