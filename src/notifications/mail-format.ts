export type MailLocale = 'vi' | 'en';

/** Dates as people in Viet Nam read them, whatever the server's time zone. */
export function formatMailDate(date: Date, locale: MailLocale): string {
  const month = locale === 'vi' ? '2-digit' : 'long';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month, year: 'numeric' }).format(date);
}

/** A local date 'YYYY-MM-DD' (Viet Nam) in the reader's format. */
export const formatLocalDay = (day: string, locale: MailLocale): string => formatMailDate(new Date(`${day}T12:00:00+07:00`), locale);
