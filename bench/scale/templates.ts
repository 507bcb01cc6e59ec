import path from 'node:path';
import { WORKFLOW_TYPES } from '../../workflows/workflow-types';
import { createLiveWorkingCalendar } from '../../src/admin';
import {
  CERTIFICATE_EXPIRY_JOB,
  DEADLINE_JOB,
  OPINION_DEADLINE_JOB,
  certificateExpiryJobHandler,
  deadlineJobHandler,
  opinionDeadlineJobHandler,
  registerOutboxDeliverer,
} from '../../src/applications/outbox-dispatch';
import { startDossierReadModel } from '../../src/applications';
import { loadConfig } from '../../src/config';
import { onPetitionChange } from '../../src/dialogue';
import { DOCUMENT_PASSES, type UploadSettings } from '../../src/documents';
import { runOneTimePasses } from '../../src/db';
import { createScheduler } from '../../src/jobs';
import { createLogger } from '../../src/logging/logger';
import { createNotifications } from '../../src/notifications';
import { pgiOutboxDeliverer, pgiPetitionListener } from '../../src/pgi';
import { seedDemo } from '../../src/seed';
import { demoActor, seedDemoDossiers } from '../../src/seed/demo-dossiers';
import { seedDemoHistory } from '../../src/seed/demo-history';
import { demoFiles } from '../../src/seed/demo-history.dossier';
import { DEMO_USERS } from '../../src/seed/hai-phong.data';
import { tellOpenStories } from './open-stories';

export const BENCH_DEMO_PASSWORD = 'Bench-Scale-Password-1';

const DAY = 86_400_000;

/**
 * The templates every copy is made from, all through the real event path with the server's outbox consumers
 * (PGI, mail) registered: the demo seed (organizations, users, four dossiers along the process), the demo history
 * (six quarters of decided dossiers, petitions and a conference) and, for each type, one dossier stopped in each
 * state the history does not leave one in. Then the scheduler runs every job already due, as a server running
 * all along would have, so no template carries work a server would still have to do.
 */
export async function buildTemplates(deps: { now: Date; dataDir: string; uploads: UploadSettings }): Promise<void> {
  const now = () => deps.now;
  const calendar = await createLiveWorkingCalendar();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  const notifications = createNotifications({ config, logger, now, outboxDir: path.join(deps.dataDir, 'mail-outbox') });
  registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
  registerOutboxDeliverer('notify', notifications.deliverNotify);
  const stopPetitionProjection = onPetitionChange(pgiPetitionListener({ calendar, logger }));
  try {
    // As a new installation's first start does: the one-time passes find nothing and are recorded as done, so
    // the installation, built by today's code, starts as an office that has run for years restarts.
    await runOneTimePasses(DOCUMENT_PASSES, () => undefined);
    await startDossierReadModel(() => undefined);
    await seedDemo({ demoPassword: BENCH_DEMO_PASSWORD, dataDir: deps.dataDir, isProduction: false });
    await seedDemoDossiers({ now, calendar, uploads: deps.uploads });
    await seedDemoHistory({ now, calendar, uploads: deps.uploads });

    const actor = async (role: string) => (await demoActor(DEMO_USERS.find((u) => u.role === role)!.email))!;
    const [applicant, officer, leader] = await Promise.all([actor('business'), actor('officer'), actor('leader')]);
    const files = demoFiles();
    try {
      // Started three weeks back, so the open ones are recent and their deadlines mostly still ahead.
      await tellOpenStories(WORKFLOW_TYPES, { calendar, uploads: deps.uploads, files, applicant, officer, leader, startsAt: new Date(deps.now.getTime() - 21 * DAY) });
    } finally {
      await files.dispose();
    }

    const scheduler = createScheduler({
      handlers: {
        [DEADLINE_JOB]: deadlineJobHandler({ now, calendar }),
        [CERTIFICATE_EXPIRY_JOB]: certificateExpiryJobHandler({ now, calendar }),
        [OPINION_DEADLINE_JOB]: opinionDeadlineJobHandler({ now, calendar }),
        ...notifications.jobHandlers,
      },
      instanceId: 'bench-scale-templates',
      logger,
      now,
      pollIntervalMs: 1000,
      leaseMs: 60_000,
      batchSize: 500,
    });
    while ((await scheduler.runDueJobs()) > 0);
    await scheduler.stop();
  } finally {
    stopPetitionProjection();
    notifications.close();
  }
}
