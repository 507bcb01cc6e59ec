export type { CalendarEntry, CalendarEntryKind } from './holiday-calendar.data';
export { DEFAULT_HOLIDAY_CALENDAR, HOLIDAY_CALENDAR_2025, HOLIDAY_CALENDAR_2026 } from './holiday-calendar.data';
export type { LocalDate } from './local-date';
export { VIETNAM_UTC_OFFSET_MINUTES, localDateOf } from './local-date';
export type { WorkingCalendar } from './working-calendar';
export { DEFAULT_WORKING_CALENDAR, createWorkingCalendar } from './working-calendar';
export { addWorkingDays, addWorkingDaysToLocalDate, isWorkingDay, workingDaysBetween } from './working-days';
export type {
  ClockModeOnSupplementation,
  StatutoryClock,
  StatutoryClockInput,
  SupplementationInterval,
} from './statutory-clock';
export { DEFAULT_WARNING_WORKING_DAYS, computeStatutoryClock } from './statutory-clock';
