/**
 * Administration of the holiday calendar the event path counts with. Users and roles are administered through
 * the auth room's services, organizations and ICs through the organizations room's.
 */
export {
  createLiveWorkingCalendar,
  listCalendarRows,
  loadWorkingCalendar,
  mergeCalendarEntries,
  refreshIfLive,
  removeCalendarEntry,
  restoreShippedEntry,
  saveCalendarEntry,
  type CalendarEntryInput,
  type CalendarRow,
  type LiveWorkingCalendar,
} from './holiday-calendar.service';
