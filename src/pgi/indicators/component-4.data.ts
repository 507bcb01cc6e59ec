import { decidedOnTime, processingWorkingDays } from '../../applications';
import { localDateOf, workingDaysBetween } from '../../calendar';
import { DEFAULT_PROCEDURE_CATALOGUE, type OnlineServiceLevel } from '../../applications/procedures';
import type { IndicatorDefinition } from '../indicator.types';
import { isDecision, isPetitionAnswer } from './entry-facts';

const ON_DECISION = { vi: 'Kỳ chứa ngày quyết định (phê duyệt hoặc từ chối)', en: 'Period of the decision date (approval or refusal)' };
const BASIS = { vi: 'Nghị định 118/2025/NĐ-CP (cơ chế một cửa); thời hạn theo danh mục thủ tục', en: 'Decree 118/2025/ND-CP (one-stop process); limits from the procedure catalogue' };
const ON_ANSWER = { vi: 'Kỳ chứa ngày trả lời kiến nghị', en: 'Period of the date the petition was answered' };
const PETITIONS = {
  vi: 'Kiến nghị của doanh nghiệp tại Hội nghị đối thoại: các bước trả lời trong nhật ký thay đổi và ngày tiếp nhận kiến nghị',
  en: 'Petitions (kiến nghị) of the business dialogue conference: the answers in the change log and the date the petition was received',
};

const APPLICATION_TYPES: readonly string[] = ['green_transformation', 'epr', 'renewable_energy', 'emissions_reduction'];

/**
 * The online level of the procedure version in force on a date; a receipt before the first catalogued version
 * (EPR's starts 2025-01-06) is read with the oldest one. Never throws: a formula that threw would stop the projector.
 */
function onlineServiceOn(type: string, localDate: string): OnlineServiceLevel | null {
  if (!APPLICATION_TYPES.includes(type)) return null;
  const versions = DEFAULT_PROCEDURE_CATALOGUE.filter((p) => p.applicationType === type);
  const inForce = versions.filter((p) => p.effectiveFrom <= localDate).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const oldest = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  return (inForce.at(-1) ?? oldest)?.onlineService.value ?? null;
}

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
    source: {
      vi: `Mọi loại hồ sơ: hạn trả kết quả hiện tại và tình trạng quá hạn tại bước quyết định. ${BASIS.vi}.`,
      en: `All dossier types: the current due date and whether it had passed, at the decision. ${BASIS.en}.`,
    },
    explanation: {
      vi: 'Hồ sơ được quyết định không quá hạn hiện hành (sau khi tính thời gian bổ sung), trên tổng số hồ sơ được quyết định.',
      en: 'Decisions made by the current due date (after supplementation), over all decisions.',
    },
    formula({ entry }) {
      const deadlines = entry.after.deadlines;
      if (!isDecision(entry) || !deadlines?.receivedAt) return null;
      // The one rule (src/applications/timeliness.ts), judged on the decision entry's own deadlines.
      const onTime = decidedOnTime({ state: entry.to, decidedAt: entry.at, deadlines }) === true;
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
    source: {
      vi: `Mọi loại hồ sơ: từ ngày tiếp nhận đến thời điểm quyết định, tính theo lịch ngày nghỉ (Bộ luật Lao động 2019 Điều 112). ${BASIS.vi}.`,
      en: `All dossier types: from the receipt date to the decision, counted with the holiday calendar (Labour Code 2019 Art 112). ${BASIS.en}.`,
    },
    explanation: {
      vi: 'Ngày làm việc từ khi tiếp nhận đến khi quyết định, kể cả thời gian chờ bổ sung, bình quân trên các hồ sơ được quyết định.',
      en: 'Working days from receipt to decision, supplementation waits included, averaged over decisions.',
    },
    formula({ entry, calendar }) {
      const deadlines = entry.after.deadlines;
      if (!isDecision(entry) || !deadlines?.receivedAt) return null;
      return { numerator: processingWorkingDays({ state: entry.to, decidedAt: entry.at, deadlines }, calendar) ?? 0, denominator: 1 };
    },
  },
  {
    id: 'c4_fully_online_share',
    component: 4,
    name: { vi: 'Tỷ lệ hồ sơ thủ tục xanh giải quyết trực tuyến toàn trình', en: 'Green procedures handled fully online' },
    unit: '%',
    direction: 'higher_is_better',
    aggregation: { kind: 'percent' },
    periodRule: ON_DECISION,
    source: {
      vi: 'Mọi loại hồ sơ: hồ sơ trong hệ thống đều được nộp, kèm giấy tờ và trả kết quả trực tuyến; mức độ dịch vụ công trực tuyến của thủ tục trong danh mục (Nghị định 42/2022/NĐ-CP Điều 11: toàn trình hoặc một phần) có hiệu lực vào ngày tiếp nhận quyết định hồ sơ có được tính là toàn trình hay không.',
      en:
        'All dossier types: every dossier here is filed, documented and answered online; the procedure catalogue\'s level of online service ' +
        '(Decree 42/2022/ND-CP Art 11: full or partial) in force on the receipt date says whether the procedure counts as fully online.',
    },
    explanation: {
      vi: 'Hồ sơ được quyết định thuộc thủ tục cung cấp dịch vụ công trực tuyến toàn trình, trên tổng số hồ sơ được quyết định.',
      en: 'Decisions on procedures offered as a fully online public service, over all decisions.',
    },
    formula({ entry, dossier }) {
      const receivedAt = entry.after.deadlines?.receivedAt;
      if (!isDecision(entry) || !receivedAt) return null;
      const level = onlineServiceOn(dossier.type, localDateOf(new Date(receivedAt)));
      return level ? { numerator: level === 'full' ? 1 : 0, denominator: 1 } : null;
    },
  },
  {
    id: 'c4_petitions_answered',
    component: 4,
    name: { vi: 'Kiến nghị của doanh nghiệp được trả lời', en: 'Business petitions answered' },
    unit: 'kiến nghị / petitions',
    direction: 'higher_is_better',
    aggregation: { kind: 'sum' },
    periodRule: ON_ANSWER,
    source: { vi: `${PETITIONS.vi}.`, en: `${PETITIONS.en}.` },
    explanation: {
      vi: 'Số kiến nghị (hội nghị đối thoại doanh nghiệp) được Sở trả lời trong kỳ.',
      en: 'Petitions from the business dialogue conference that the department answered in the period.',
    },
    formula({ entry }) {
      return isPetitionAnswer(entry) ? { numerator: 1 } : null;
    },
  },
  {
    id: 'c4_petition_answer_working_days',
    component: 4,
    name: { vi: 'Số ngày làm việc bình quân để trả lời kiến nghị', en: 'Average working days to answer a petition' },
    unit: 'ngày làm việc / working days',
    direction: 'lower_is_better',
    aggregation: { kind: 'mean' },
    periodRule: ON_ANSWER,
    source: { vi: `${PETITIONS.vi}, tính theo lịch ngày nghỉ (Bộ luật Lao động 2019 Điều 112).`, en: `${PETITIONS.en}, counted with the holiday calendar (Labour Code 2019 Art 112).` },
    explanation: {
      vi: 'Ngày làm việc từ khi nhận kiến nghị đến khi trả lời, bình quân trên các kiến nghị được trả lời trong kỳ.',
      en: 'Working days from receipt of a petition to its answer, averaged over petitions answered in the period.',
    },
    formula({ entry, calendar }) {
      const receivedAt = entry.after.deadlines?.receivedAt;
      if (!isPetitionAnswer(entry) || !receivedAt) return null;
      return { numerator: workingDaysBetween(new Date(receivedAt), new Date(entry.at), calendar), denominator: 1 };
    },
  },
];
