/** The one way a mail attempt says what went wrong; `errorCodeOf` reads it back for the admin page. */
export function notSentMessage(codes: string[], total: number): string {
  return `${codes.length} of ${total} mail(s) not sent (${[...new Set(codes)].join(', ')}); will retry the unsent ones`;
}

const CODE = /^[A-Za-z0-9_./-]{1,40}$/;

/** The codes in a mail job's last error, and nothing else of it (other errors may carry anything). */
export function errorCodeOf(lastError: string | undefined): string {
  if (!lastError) return '';
  const listed = /mail\(s\) not sent \(([^)]*)\)/.exec(lastError)?.[1];
  if (listed !== undefined) return listed.split(', ').filter((code) => CODE.test(code)).join(', ') || 'Error';
  if (lastError.includes('did not finish within its lease')) return 'LEASE_EXPIRED';
  return 'INTERNAL';
}

export const MAIL_ERROR_KINDS = ['unreachable', 'timeout', 'auth', 'refusedTemporarily', 'refused', 'unfinished', 'internal'] as const;
export type MailErrorKind = (typeof MAIL_ERROR_KINDS)[number];

/** What an administrator should understand from transport codes (nodemailer's `code`, the SMTP reply code). */
export function mailErrorKind(errorCode: string): MailErrorKind {
  const parts = errorCode.split(/[,/ ]+/).filter(Boolean);
  const reply = parts.map(Number).find((n) => n >= 400 && n < 600);
  if (parts.includes('LEASE_EXPIRED')) return 'unfinished';
  if (parts.includes('EAUTH')) return 'auth';
  if (reply !== undefined) return reply >= 500 ? 'refused' : 'refusedTemporarily';
  if (parts.some((p) => p === 'ETIMEDOUT' || p === 'ESOCKETTIMEDOUT')) return 'timeout';
  if (parts.some((p) => ['ECONNECTION', 'ECONNREFUSED', 'ECONNRESET', 'EDNS', 'ESOCKET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETLS'].includes(p))) return 'unreachable';
  return 'internal';
}
