import type { ComponentNumber, IndicatorSet, LocalizedText } from '../indicator.types';
import type { Period } from '../pgi-period';
import { localDateOf } from '../../calendar';
import { COMPONENT_1_INDICATORS } from './component-1.data';
import { COMPONENT_2_INDICATORS, EPR_OBLIGATIONS_FULFILLED_V2 } from './component-2.data';
import { COMPONENT_3_INDICATORS } from './component-3.data';
import { COMPONENT_4_INDICATORS } from './component-4.data';

/** The four component indices as VCCI names them (DOMAIN §7); each is scored 0–10 in the published PGI. */
export const PGI_COMPONENTS: Readonly<Record<ComponentNumber, LocalizedText>> = {
  1: { vi: 'Giảm thiểu ô nhiễm môi trường và tác động tiêu cực của biến đổi khí hậu', en: 'Minimizing pollution and climate hazards' },
  2: { vi: 'Đảm bảo tuân thủ các tiêu chuẩn môi trường tối thiểu', en: 'Maintaining minimum environmental standards' },
  3: { vi: 'Vai trò lãnh đạo của chính quyền tỉnh trong thúc đẩy thực hành xanh', en: 'Provincial leadership in green practices' },
  4: { vi: 'Chính sách và dịch vụ hỗ trợ doanh nghiệp trong bảo vệ môi trường', en: 'Environmental policies and support services' },
};

/**
 * Every published set, oldest first. Published sets are frozen: changing a formula or a population means
 * appending version n+1 with its effective date, so entries already projected keep the set they were read with.
 */
export const INDICATOR_SETS: readonly IndicatorSet[] = [
  {
    version: 1,
    effectiveFrom: '2024-01-01',
    indicators: [...COMPONENT_1_INDICATORS, ...COMPONENT_2_INDICATORS, ...COMPONENT_3_INDICATORS, ...COMPONENT_4_INDICATORS],
  },
  {
    // EPR confirmations that expire no longer subtract from "EPR obligations fulfilled" (see component-2.data.ts).
    version: 2,
    effectiveFrom: '2026-11-24',
    indicators: [
      ...COMPONENT_1_INDICATORS,
      ...COMPONENT_2_INDICATORS.map((indicator) => (indicator.id === EPR_OBLIGATIONS_FULFILLED_V2.id ? EPR_OBLIGATIONS_FULFILLED_V2 : indicator)),
      ...COMPONENT_3_INDICATORS,
      ...COMPONENT_4_INDICATORS,
    ],
  },
];

/** The set in force on a local date; before the first set, the first (the index starts with PGI 2024). */
export function indicatorSetOn(localDate: string, sets: readonly IndicatorSet[] = INDICATOR_SETS): IndicatorSet {
  const inForce = sets.filter((set) => set.effectiveFrom <= localDate);
  return inForce.at(-1) ?? sets[0]!;
}

/** A period is shown with the set in force on its last day, the newest wording of its indicators. */
export function indicatorSetForPeriod(period: Period, sets: readonly IndicatorSet[] = INDICATOR_SETS): IndicatorSet {
  return indicatorSetOn(localDateOf(new Date(period.endsAt.getTime() - 1)), sets);
}
