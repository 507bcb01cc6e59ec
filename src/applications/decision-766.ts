import type { WorkingCalendar } from '../calendar';
import { WORKFLOW_TYPES, type WorkflowType } from '../../workflows/workflow-types';
import { findProcedure } from './procedures';
import { decidedOnTime, decidedWithin, processingWorkingDays, type TimedDossier } from './timeliness';

/**
 * The Decision 766/QĐ-TTg (2022) service indicators our data can compute, for a period (a month, a quarter or a
 * year), per procedure and in all. Pure: the caller gives the dossiers (the read model's summaries) and the
 * applicants' ratings. Each indicator says its formula and source; the 766 formulas here are as published
 * descriptions give them (unverified), and the on-time rule is the one rule (timeliness.ts).
 */
export interface AssessedDossier extends TimedDossier {
  id: string;
  code: string;
  /** Given at receipt; what the dossier is known by from then on, so the drill-down shows it first. */
  nationalCode?: string;
  type: string;
  submittedAt?: Date | string | null;
}

/** What the figures need besides the dossiers and ratings. */
export interface AssessmentSources {
  ratings: readonly { dossierId: string; score: number }[];
  /** Dossiers the National Public Service Portal has (their receipt arrived); undefined when not connected. */
  onPortal?: ReadonlySet<string>;
  /** Dossiers whose result was issued as a signed electronic document. */
  electronicResults?: ReadonlySet<string>;
}

export interface Indicator {
  id: '1.4' | '2.1' | '2.2' | '3.1' | '3.3' | '4.1' | '5.4';
  value: number | null;
  /** The dossiers behind the figure that a leader opens first (the late ones for 2.1 and 5.4). */
  dossiers: string[];
}

export interface ProcedureFigures {
  type: string;
  submitted: number;
  decided: number;
  onTime: number;
  ratings: number;
  complaints: number;
  indicators: Indicator[];
}

export const INDICATOR_DEFINITIONS = {
  '1.4': { vi: 'Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia: số hồ sơ tiếp nhận trong kỳ đã có trên Cổng / số hồ sơ tiếp nhận trong kỳ.', en: 'Synced to the National Public Service Portal: dossiers received in the period that the portal has / dossiers received in the period.' },
  '2.1': { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn: số hồ sơ quyết định đúng hạn / số hồ sơ đã quyết định (yêu cầu bổ sung quá một lần tính là trễ hạn).', en: 'On time: dossiers decided on time / dossiers decided (more than one supplementation request counts as late).' },
  '2.2': { vi: 'Thời gian giải quyết bình quân: số ngày làm việc từ khi tiếp nhận đến khi quyết định, bình quân trên các hồ sơ đã quyết định.', en: 'Average processing time: working days from receipt to decision, averaged over the dossiers decided.' },
  '3.1': { vi: 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình: số thủ tục toàn trình / số thủ tục (theo danh mục thủ tục của hệ thống).', en: 'Procedures offered fully online: fully online procedures / procedures (from the procedure catalogue).' },
  '3.3': { vi: 'Tỷ lệ hồ sơ nộp trực tuyến: số hồ sơ nộp qua hệ thống / số hồ sơ đã nộp (mọi hồ sơ của hệ thống đều nộp trực tuyến).', en: 'Online submission rate: dossiers filed through the system / dossiers submitted (every dossier here is filed online).' },
  '4.1': { vi: 'Tỷ lệ hồ sơ có kết quả điện tử: số hồ sơ đã quyết định có giấy chứng nhận hoặc quyết định từ chối điện tử ký số / số hồ sơ đã quyết định.', en: 'Electronic results: dossiers decided whose certificate or refusal was issued as a signed electronic document / dossiers decided.' },
  '5.4': { vi: 'Mức độ hài lòng: 100 % − (tỷ lệ trễ hạn + tỷ lệ hồ sơ có phản ánh). Phản ánh: đánh giá 1–2 điểm của doanh nghiệp (cách tính tạm, chưa có kênh phản ánh riêng).', en: 'Satisfaction: 100 % − (late rate + rate with complaints). Complaints: applicants\' ratings of 1–2 (an interim proxy until a complaint channel exists).' },
} as const;
export const INDICATOR_SOURCE = { verified: false, vi: 'Quyết định 766/QĐ-TTg năm 2022, theo các mô tả công thức đã công bố; chưa đối chiếu văn bản chính thức.', en: 'Decision 766/QD-TTg (2022), as published descriptions of its formulas give them; not checked against the official text.' } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

const inPeriod = (value: Date | string | null | undefined, from: Date, to: Date) => Boolean(value) && new Date(value!) >= from && new Date(value!) < to;

function figuresOf(type: string, dossiers: readonly AssessedDossier[], sources: AssessmentSources, from: Date, to: Date, calendar: WorkingCalendar): ProcedureFigures {
  const { ratings, onPortal, electronicResults } = sources;
  const receivedIn = dossiers.filter((d) => inPeriod(d.deadlines?.receivedAt as string | undefined, from, to));
  const offPortal = onPortal ? receivedIn.filter((d) => !onPortal.has(d.id)) : [];
  const types = type === 'all' ? WORKFLOW_TYPES : [type as WorkflowType];
  const fullyOnline = types.filter((t) => findProcedure(t).onlineService.value === 'full').length;
  const submittedIn = dossiers.filter((d) => d.submittedAt && new Date(d.submittedAt) >= from && new Date(d.submittedAt) < to);
  const decided = dossiers.filter((d) => decidedWithin(d, from, to));
  const late = decided.filter((d) => decidedOnTime(d) === false);
  const days = decided.map((d) => processingWorkingDays(d, calendar)).filter((n): n is number => n !== undefined);
  const ids = new Set(dossiers.map((d) => d.id));
  const rated = ratings.filter((r) => ids.has(r.dossierId));
  const complaints = rated.filter((r) => r.score <= 2);
  const complained = new Set(complaints.map((r) => r.dossierId));
  const lateRate = decided.length ? late.length / decided.length : 0;
  const complaintRate = decided.length ? decided.filter((d) => complained.has(d.id)).length / decided.length : 0;
  const codes = (list: readonly AssessedDossier[]) => list.map((d) => d.nationalCode ?? d.code);
  return {
    type,
    submitted: submittedIn.length,
    decided: decided.length,
    onTime: decided.length - late.length,
    ratings: rated.length,
    complaints: complaints.length,
    indicators: [
      { id: '1.4', value: onPortal && receivedIn.length ? round1(((receivedIn.length - offPortal.length) / receivedIn.length) * 100) : null, dossiers: codes(offPortal) },
      { id: '2.1', value: decided.length ? round1(((decided.length - late.length) / decided.length) * 100) : null, dossiers: codes(late) },
      { id: '2.2', value: days.length ? round1(days.reduce((a, b) => a + b, 0) / days.length) : null, dossiers: [] },
      { id: '3.1', value: round1((fullyOnline / types.length) * 100), dossiers: [] },
      { id: '3.3', value: submittedIn.length ? 100 : null, dossiers: [] },
      { id: '4.1', value: electronicResults && decided.length ? round1((decided.filter((d) => electronicResults.has(d.id)).length / decided.length) * 100) : null, dossiers: electronicResults ? codes(decided.filter((d) => !electronicResults.has(d.id))) : [] },
      { id: '5.4', value: decided.length ? round1(Math.max(0, 100 - (lateRate + complaintRate) * 100)) : null, dossiers: codes([...late, ...decided.filter((d) => complained.has(d.id) && !late.includes(d))]) },
    ],
  };
}

/** The period's figures per procedure (in catalogue order) and in all. */
export function selfAssessment(dossiers: readonly AssessedDossier[], sources: AssessmentSources, period: { from: Date; to: Date }, calendar: WorkingCalendar) {
  return {
    total: figuresOf('all', dossiers, sources, period.from, period.to, calendar),
    byProcedure: WORKFLOW_TYPES.map((type) => figuresOf(type, dossiers.filter((d) => d.type === type), sources, period.from, period.to, calendar)),
  };
}

/** `2026`, `2026-Q4` or `2026-11`, as local (Asia/Ho_Chi_Minh) bounds; undefined for anything else. */
export function periodBounds(id: string): { id: string; from: Date; to: Date } | undefined {
  const local = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+07:00`);
  let match = /^(\d{4})$/.exec(id);
  if (match) return { id, from: local(Number(match[1]), 1), to: local(Number(match[1]) + 1, 1) };
  match = /^(\d{4})-Q([1-4])$/.exec(id);
  if (match) {
    const y = Number(match[1]);
    const q = Number(match[2]);
    return { id, from: local(y, 3 * q - 2), to: q === 4 ? local(y + 1, 1) : local(y, 3 * q + 1) };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    return { id, from: local(y, m), to: m === 12 ? local(y + 1, 1) : local(y, m + 1) };
  }
  return undefined;
}
