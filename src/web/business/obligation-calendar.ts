import { localDateOf } from '../../calendar';
import type { LocalizedText } from '../../applications/calculators';
import { RECURRING_OBLIGATIONS, type RecurringObligation } from './obligation-calendar.data';

export interface CalendarEntry {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  kind: 'obligation' | 'certificate_expiry';
  procedure: string;
  limit: 'by' | 'before' | 'expires';
  title?: LocalizedText;
  certificate?: { number: string; verificationCode: string };
  legalBasis?: string;
  source?: string;
  verified: boolean;
  past: boolean;
}

interface CertificateLike {
  number: string;
  verificationCode: string;
  type: string;
  expiresAt: Date | null;
  status: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const occursIn = (o: RecurringObligation, year: number) => !o.everyYears || (year >= (o.fromYear ?? year) && (year - (o.fromYear ?? year)) % o.everyYears === 0);

/**
 * The organization's dates from last month to about a year ahead: recurring EPR and GHG obligations and the
 * expiry of each of its certificates that has not been revoked. Sorted by date; passed dates are marked.
 */
export function obligationCalendar(now: Date, certificates: readonly CertificateLike[]): CalendarEntry[] {
  const today = localDateOf(now);
  const year = Number(today.slice(0, 4));
  const from = `${year}-${today.slice(5, 7) === '01' ? '01' : pad(Number(today.slice(5, 7)) - 1)}-01`;
  const until = `${year + 1}-${today.slice(5)}`;
  const entries: CalendarEntry[] = [];
  for (const y of [year, year + 1]) {
    for (const o of RECURRING_OBLIGATIONS) {
      const date = `${y}-${pad(o.month)}-${pad(o.day)}`;
      if (!occursIn(o, y) || date < from || date > until) continue;
      entries.push({ date, kind: 'obligation', procedure: o.procedure, limit: o.limit, title: o.title, legalBasis: o.legalBasis, source: o.source, verified: o.verified, past: date < today });
    }
  }
  for (const c of certificates) {
    if (!c.expiresAt || c.status === 'revoked') continue;
    const date = localDateOf(new Date(c.expiresAt));
    entries.push({ date, kind: 'certificate_expiry', procedure: c.type, limit: 'expires', certificate: { number: c.number, verificationCode: c.verificationCode }, verified: true, past: date < today });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}
