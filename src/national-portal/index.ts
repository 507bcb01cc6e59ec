/**
 * The National Public Service Portal (DVCQG) adapter: each progress step of a received dossier is pushed by a
 * durable job, in order and once, with a nightly check that re-sends what is missing and a reconciliation view
 * for administrators. Off unless configured (DVCQG_URL, DVCQG_USERNAME, DVCQG_PASSWORD). Contract: docs/DVCQG.md.
 */
import type { Config } from '../config';
import type { JobHandler } from '../jobs';
import type { Logger } from '../logging/logger';
import { createPortalClient, type PortalClient } from './portal-client';
import { portalSettings } from './portal-settings';
import { PORTAL_CHECK_JOB, PORTAL_PUSH_JOB, progressReportDeliverer, portalCheckHandler, portalPushHandler } from './portal-sync';

export { createPortalClient, PortalError, portalFailureOf, type PortalClient, type PortalService, type PortalFailure } from './portal-client';
export { portalSettings, type PortalSettings } from './portal-settings';
export { portalTime, dossierRecord, progressRecord, type DossierRecord, type ProgressRecord } from './portal-records';
export { PORTAL_CHECK_JOB, PORTAL_PUSH_JOB, checkPortalSync, dossiersOnPortal, portalSyncOverview, resendStep, scheduleNightlyCheck, type SyncOverview, type SyncRow } from './portal-sync';

export interface NationalPortal {
  handlers: Record<string, JobHandler>;
  /** The outbox deliverer of `report_progress` messages. */
  deliverProgressReport: ReturnType<typeof progressReportDeliverer>;
}

/**
 * The adapter when DVCQG is configured, else undefined. Throws a ConfigError naming the setting when the
 * configuration cannot work (a procedure without its national codes).
 */
export function createNationalPortal(config: Pick<Config, 'dvcqg' | 'agencyCode' | 'baseUrl'>, deps: { now: () => Date; logger: Logger; client?: PortalClient }): NationalPortal | undefined {
  if (!config.dvcqg) return undefined;
  const settings = portalSettings({ dvcqg: config.dvcqg, agencyCode: config.agencyCode, baseUrl: config.baseUrl });
  const client = deps.client ?? createPortalClient({ url: settings.url, username: settings.username, password: settings.password, unitCode: settings.unitCode });
  return {
    handlers: {
      [PORTAL_PUSH_JOB]: portalPushHandler({ client, settings, now: deps.now }),
      [PORTAL_CHECK_JOB]: portalCheckHandler({ now: deps.now, logger: deps.logger }),
    },
    deliverProgressReport: progressReportDeliverer(deps.now),
  };
}
