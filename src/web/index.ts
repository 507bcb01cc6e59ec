import type { WorkingCalendar } from '../calendar';
import type { UploadSettings } from '../documents';
import type { RouteDefinition } from '../http/route-table';
import { businessPages } from './business';
import { conferencePages } from './conference.pages';
import { adminMailPages } from './admin-mail.pages';
import { nationalPortalPages } from './national-portal.pages';
import { petitionPages } from './petition.pages';
import { staffPages } from './staff';
import { publicPages } from './public.pages';
import { signInPages } from './sign-in.pages';
import { accountPages } from './account.pages';
import type { AccountDeps } from '../accounts';
import type { OidcConfig } from '../config';

/** Every server-rendered page, as route definitions (each declares its audience). */
export function webPages(deps: {
  now: () => Date;
  calendar: WorkingCalendar;
  uploads: UploadSettings;
  mailOutboxDir?: string;
  accounts: AccountDeps & { oidc?: OidcConfig; baseUrl?: string };
  nationalPortalConnected: boolean;
}): RouteDefinition[] {
  return [...publicPages(deps), ...signInPages(), ...accountPages(deps.accounts), ...businessPages(deps), ...staffPages(deps), ...conferencePages(deps), ...petitionPages(deps), ...adminMailPages(deps), ...nationalPortalPages(deps)];
}
