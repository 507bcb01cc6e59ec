import fc from 'fast-check';
import { formatLocaleNumber, parseLocaleNumber } from '../../../src/i18n';

describe('numbers typed in the page\'s convention', () => {
  it.each([
    ['50.000.000.000', 50_000_000_000],
    ['1.250,5', 1250.5],
    ['1250,5', 1250.5],
    ['1250.5', 1250.5], // a lone point that cannot group thousands: read as the decimal point
    ['1.250', 1250],
    ['12 500', 12500],
    ['-3,25', -3.25],
    ['2026', 2026],
  ])('when a Vietnamese page reads "%s", then it is %d', (text, value) => {
    expect(parseLocaleNumber(text, 'vi')).toBe(value);
  });

  it.each([
    ['50,000,000,000', 50_000_000_000],
    ['1,250.5', 1250.5],
    ['1250.5', 1250.5],
    ['1,250', 1250],
  ])('when an English page reads "%s", then it is %d', (text, value) => {
    expect(parseLocaleNumber(text, 'en')).toBe(value);
  });

  it.each(['', 'abc', '1.2.3', '1.25.000', '1,2,3', '1.250,5,0', '12a', ',5', '1.', '--1', '1e5'])('when a Vietnamese page reads "%s", then it is not a number', (text) => {
    expect(parseLocaleNumber(text, 'vi')).toBeUndefined();
  });

  it('when any number up to a trillion with up to six decimals is written for a page, then the page reads it back the same (both languages)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('vi' as const, 'en' as const), fc.boolean(), (units, decimals, locale, grouping) => {
        const value = units / 10 ** decimals;
        expect(parseLocaleNumber(formatLocaleNumber(value, locale, { grouping }), locale)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('when a number is written for a Vietnamese page, then it has dots between thousands and a comma before decimals', () => {
    expect(formatLocaleNumber(50_000_000_000, 'vi')).toBe('50.000.000.000');
    expect(formatLocaleNumber(1250.5, 'vi')).toBe('1.250,5');
    expect(formatLocaleNumber(1250.5, 'en')).toBe('1,250.5');
    expect(formatLocaleNumber(2026, 'vi', { grouping: false })).toBe('2026');
    expect(formatLocaleNumber(1e-7, 'vi')).toBe('0,0000001');
  });
});
