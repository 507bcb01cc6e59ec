import path from 'node:path';
import { createLiveWorkingCalendar } from '../../src/admin';
import { registerOutboxDeliverer } from '../../src/applications/outbox-dispatch';
import { loadConfig } from '../../src/config';
import { connectDatabase } from '../../src/db';
import { createLogger } from '../../src/logging/logger';
import { MAINTENANCE_JOB, maintenanceJobHandler } from '../../src/maintenance/maintenance.job';
import { createNotifications } from '../../src/notifications';
import { pgiOutboxDeliverer, projectRecentPetitionChanges } from '../../src/pgi';
import { petitionDirectory } from '../../src/dialogue';

/**
 * One maintenance sweep (src/maintenance), composed as src/server.ts composes it, with the same outbox consumers
 * registered, run once in this process against the app's database: there is no HTTP way to start it.
 */
export async function timeMaintenanceSweep(databaseUri: string, scratchDir: string): Promise<number> {
  const database = await connectDatabase(databaseUri);
  try {
    const now = () => new Date();
    const logger = createLogger('silent');
    const calendar = await createLiveWorkingCalendar();
    const notifications = createNotifications({ config: loadConfig({ NODE_ENV: 'test' }), logger, now, outboxDir: path.join(scratchDir, 'data', 'mail-outbox') });
    registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
    registerOutboxDeliverer('notify', notifications.deliverNotify);
    const handler = maintenanceJobHandler({
      client: database.connection.getClient(),
      dbName: database.connection.name,
      now,
      logger,
      refreshCalendar: () => calendar.refresh(),
      projectPetitions: () => projectRecentPetitionChanges(now(), { calendar }),
    });
    // A server loads its directories before it listens; the sweep it runs reads them warm.
    await petitionDirectory();
    const started = performance.now();
    await handler({ key: 'bench-scale-sweep', name: MAINTENANCE_JOB, payload: {}, attempt: 1, signal: new AbortController().signal });
    const ms = performance.now() - started;
    notifications.close();
    return ms;
  } finally {
    await database.close();
  }
}
