/** Small builders that keep the catalogue data files readable. */
import type { DocumentCondition, FactValue, ProcedureFees, RequiredDocumentRule, SourcedValue } from './procedure-catalogue.types';

export const ALWAYS: DocumentCondition = { kind: 'always' };
export const when = (fact: string, value: FactValue): DocumentCondition => ({ kind: 'equals', fact, value });
export const whenOneOf = (fact: string, values: readonly FactValue[]): DocumentCondition => ({ kind: 'one_of', fact, values });
export const whenAtLeast = (fact: string, value: number): DocumentCondition => ({ kind: 'at_least', fact, value });
export const allOf = (...conditions: DocumentCondition[]): DocumentCondition => ({ kind: 'all', conditions });

export function document(
  code: string,
  names: { vi: string; en: string },
  requiredWhen: DocumentCondition,
  circumstance: { vi: string; en: string } = { vi: 'Luôn bắt buộc', en: 'Always required' },
): RequiredDocumentRule {
  return {
    code,
    name_vi: names.vi,
    name_en: names.en,
    requiredWhen,
    circumstance_vi: circumstance.vi,
    circumstance_en: circumstance.en,
  };
}

export const verifiedValue = <T>(value: T, source: string): SourcedValue<T> => ({ value, source, verified: true });
export const defaultValue = <T>(value: T, note: string): SourcedValue<T> => ({
  value,
  source: 'DEFAULT (unverified): no legal value found',
  verified: false,
  note,
});

export const NO_FEE_KNOWN: ProcedureFees = {
  known: false,
  amountVnd: null,
  // The public reads this: what holds for them, not what the Department still has to do.
  note_vi: 'Chưa có quy định về phí, lệ phí đối với thủ tục này.',
  note_en: 'No fee or charge is set for this procedure.',
};
