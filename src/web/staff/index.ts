import type { WorkingCalendar } from '../../calendar';
import type { RouteDefinition } from '../../http/route-table';
import { adminCalendarPages } from './admin-calendar.pages';
import { adminOrganizationPages } from './admin-organizations.pages';
import { adminUserPages } from './admin-users.pages';
import { adminWorkflowPages } from './admin-workflows.pages';
import { leaderDecisionPages } from './leader-decisions.pages';
import { leaderStatisticsPages } from './leader-statistics.pages';
import { decision766Pages } from './decision-766.pages';
import { officerQueuePages } from './officer-queue.pages';
import { officerReviewPages } from './officer-review.pages';

/**
 * The staff pages: the officer's queue and review page, the leader's decisions and statistics, and
 * administration. Order matters where paths overlap: `/admin/users/new` before `/admin/users/:id/...`.
 */
export function staffPages(deps: { now: () => Date; calendar: WorkingCalendar; nationalPortalConnected?: boolean }): RouteDefinition[] {
  return [
    ...officerQueuePages(deps),
    ...officerReviewPages(deps),
    ...leaderDecisionPages(deps),
    ...leaderStatisticsPages(deps),
    ...decision766Pages(deps),
    ...adminUserPages(deps),
    ...adminOrganizationPages(deps),
    ...adminCalendarPages(deps),
    ...adminWorkflowPages(),
  ];
}
