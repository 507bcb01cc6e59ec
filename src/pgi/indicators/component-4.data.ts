import { workingDaysBetween } from '../../calendar';
import type { IndicatorDefinition } from '../indicator.types';
import { isDecision } from './entry-facts';

const ON_DECISION = { vi: 'Kỳ chứa ngày quyết định (phê duyệt hoặc từ chối)', en: 'Period of the decision date (approval or refusal)' };
const BASIS = 'Decree 118/2025/ND-CP (one-stop process); limits from the procedure catalogue';

/** Component 4: environmental policies and support services for firms. */
export const COMPONENT_4_INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'c4_on_time_processing_rate',
    component: 4,
    name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'Dossiers decided on time' },
    unit: '%',
    direction: 'higher_is_better',
    aggregation: { kind: 'percent' },
    periodRule: ON_DECISION,
    source: `All dossier types: the decision entry's after.deadlines (currentDueAt, overdue). ${BASIS}.`,
    explanation: {
      vi: 'Hồ sơ được quyết định không quá hạn hiện hành (sau khi tính thời gian bổ sung), trên tổng số hồ sơ được quyết định.',
      en: 'Decisions made by the current due date (after supplementation), over all decisions.',
    },
    formula({ entry }) {
      const deadlines = entry.after.deadlines;
      if (!isDecision(entry) || !deadlines?.receivedAt) return null;
      const due = deadlines.currentDueAt ? new Date(deadlines.currentDueAt) : undefined;
      const onTime = deadlines.overdue !== true && (!due || new Date(entry.at) <= due);
      return { numerator: onTime ? 1 : 0, denominator: 1 };
    },
  },
  {
    id: 'c4_average_processing_working_days',
    component: 4,
    name: { vi: 'Số ngày làm việc bình quân để giải quyết hồ sơ', en: 'Average working days to a decision' },
    unit: 'ngày làm việc / working days',
    direction: 'lower_is_better',
    aggregation: { kind: 'mean' },
    periodRule: ON_DECISION,
    source: `All dossier types: after.deadlines.receivedAt to the decision entry's at, counted with the holiday calendar (Labour Code 2019 Art 112). ${BASIS}.`,
    explanation: {
      vi: 'Ngày làm việc từ khi tiếp nhận đến khi quyết định, kể cả thời gian chờ bổ sung, bình quân trên các hồ sơ được quyết định.',
      en: 'Working days from receipt to decision, supplementation waits included, averaged over decisions.',
    },
    formula({ entry, calendar }) {
      const receivedAt = entry.after.deadlines?.receivedAt;
      if (!isDecision(entry) || !receivedAt) return null;
      return { numerator: workingDaysBetween(new Date(receivedAt), new Date(entry.at), calendar), denominator: 1 };
    },
  },
];
