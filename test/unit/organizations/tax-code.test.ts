import fc from 'fast-check';
import { isValidTaxCode, makeTaxCode, normalizeTaxCode } from '../../../src/organizations';

describe('tax codes', () => {
  it('when a real 10-digit code is checked, then its check digit is accepted', () => {
    expect(isValidTaxCode('0100109106')).toBe(true);
  });

  it('when the check digit is wrong, then the code is rejected', () => {
    expect(isValidTaxCode('0100109107')).toBe(false);
  });

  it('when a branch suffix is given with or without a dash, then both normalise to the dashed form', () => {
    expect(normalizeTaxCode('0100109106001')).toBe('0100109106-001');
    expect(normalizeTaxCode(' 0100109106-001 ')).toBe('0100109106-001');
    expect(normalizeTaxCode('0100109106-000')).toBeUndefined();
  });

  it.each(['', '123', '01001091061', 'abcdefghij', '0100109106-01', '0100109106--001'])(
    'when the input is %p, then it is rejected',
    (input) => expect(isValidTaxCode(input)).toBe(false),
  );

  it('when any nine digits make a code, then the code validates and changing its last digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const code = makeTaxCode(nine);
        if (code === undefined) return;
        expect(isValidTaxCode(code)).toBe(true);
        const wrong = `${nine}${(Number(code[9]) + 1) % 10}`;
        expect(isValidTaxCode(wrong)).toBe(false);
      }),
    );
  });
});
