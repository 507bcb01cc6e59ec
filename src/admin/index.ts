/** Administration: the holiday calendar the event path counts with, users and roles, organizations and ICs. */
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
export { HolidayEntryModel } from './holiday-entry.model';
export { changeRole, createUser, listUsers, setActive, type NewUserInput, type UserRow } from './user-admin.service';
export {
  findIndustrialComplex,
  findOrganization,
  listIndustrialComplexes,
  listOrganizations,
  saveIndustrialComplex,
  saveOrganization,
  type IndustrialComplexInput,
  type OrganizationInput,
} from './organization-admin.service';
