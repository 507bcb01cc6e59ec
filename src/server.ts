import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CERTIFICATE_EXPIRY_JOB,
  DEADLINE_JOB,
  OPINION_DEADLINE_JOB,
  certificateExpiryJobHandler,
  opinionDeadlineJobHandler,
  deadlineJobHandler,
  dispatchPendingOutbox,
  registerOutboxDeliverer,
} from './applications/outbox-dispatch';
import { repairPendingSyncs } from './applications/dossier-cache';
import { startDossierReadModel } from './applications/read-model/read-model-start';
import { certificateDirectory } from './certificates';
import { contributionDirectory, pgiOutboxDeliverer, pgiPetitionListener, projectRecentPetitionChanges } from './pgi';
import { createNotifications, scheduleDailyDigest } from './notifications';
import { DIALOGUE_EXPORT_JOB, dialogueExportJobHandler, onPetitionChange, petitionDirectory } from './dialogue';
import { createLiveWorkingCalendar } from './admin';
import { createScheduler } from './jobs';
import { ConfigError, loadConfig, type Config } from './config';
import { ensureIndexes, GoMissingError, openDatabase, runOneTimePasses, type SupervisedFerretDb } from './db';
import { createApp, startHttpServer } from './http';
import { createSessionStore } from './http/session';
import { ACCOUNT_MAIL_JOB, accountMailJobHandler } from './accounts';
import { configureNationalCodes } from './applications/national-code';
import { configureSigningKey, documentDeliverer, issuedDocumentPasses, SIGN_DOCUMENT_JOB, signDocumentJobHandler } from './issued-documents';
import { loadSigningKey } from './signing';
import { createNationalPortal, scheduleNightlyCheck as scheduleNightlyPortalCheck } from './national-portal';
import { DOCUMENT_PASSES, DOCUMENT_SWEEP_JOB, documentDirectory, documentSweepJobHandler, scheduleDocumentSweep, uploadSettingsFromConfig } from './documents';
import { MAINTENANCE_JOB, maintenanceJobHandler, scheduleMaintenance } from './maintenance/maintenance.job';
import { createLogger, type Logger } from './logging/logger';
import { fromRoot } from './paths';
import { seedDemo } from './seed';
import { seedDemoDossiers } from './seed/demo-dossiers';
import { seedDemoHistory } from './seed/demo-history';

const SHUTDOWN_LIMIT_MS = 10_000;

export interface RunningApplication {
  readonly url: string;
  readonly embeddedDatabase?: SupervisedFerretDb;
  stop(): Promise<void>;
}

/** The composition root: provisions the database, seeds the demo, mounts the app and listens. */
export async function startApplication(config: Config, logger: Logger): Promise<RunningApplication> {
  const now = () => new Date();
  // Settings that cannot work stop the start before the database opens (a ConfigError naming the setting).
  const nationalPortal = createNationalPortal(config, { now, logger });
  const signingKey = await openSigningKey(config);
  configureSigningKey(signingKey);
  // The embedded database (when MONGODB_URI is unset) is restarted on the same folder and port if it exits.
  const opened = await openDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: path.join(fromRoot(config.dataDir), 'ferretdb'),
    embeddedPort: config.embeddedDbPort,
    logger,
  });
  const { database, embedded } = opened;
  await ensureIndexes();
  const client = database.connection.getClient();
  const uploads = uploadSettingsFromConfig({ ...config, uploadDir: fromRoot(config.uploadDir) });
  // Development mail (.eml, no SMTP_URL) lives with the other runtime data, so each DATA_DIR has its own.
  const mailOutboxDir = path.join(fromRoot(config.dataDir), 'mail-outbox');
  const notifications = createNotifications({ config, logger, now, outboxDir: mailOutboxDir });
  // Shipped holidays merged with the administrators' edits; the calendar pages refresh it after each edit.
  configureNationalCodes({ agencyCode: config.agencyCode });
  const calendar = await createLiveWorkingCalendar();
  const scheduler = createScheduler({
    handlers: {
      [DEADLINE_JOB]: deadlineJobHandler({ now, calendar }),
      [CERTIFICATE_EXPIRY_JOB]: certificateExpiryJobHandler({ now, calendar }),
      [OPINION_DEADLINE_JOB]: opinionDeadlineJobHandler({ now, calendar }),
      [MAINTENANCE_JOB]: maintenanceJobHandler({
        client,
        dbName: database.connection.name,
        now,
        logger,
        refreshCalendar: () => calendar.refresh(),
        projectPetitions: () => projectRecentPetitionChanges(now(), { calendar }),
      }),
      [DOCUMENT_SWEEP_JOB]: documentSweepJobHandler({ uploads, now, logger }),
      [DIALOGUE_EXPORT_JOB]: dialogueExportJobHandler({ now, calendar, dataDir: fromRoot(config.dataDir) }),
      ...notifications.jobHandlers,
      [ACCOUNT_MAIL_JOB]: accountMailJobHandler({ ...notifications.deps, secret: config.sessionSecret }),
      ...nationalPortal?.handlers,
      [SIGN_DOCUMENT_JOB]: signDocumentJobHandler({ key: signingKey, baseUrl: config.baseUrl, now }),
    },
    instanceId: `${os.hostname()}:${process.pid}`,
    logger,
    pollIntervalMs: 5000,
    leaseMs: 60_000,
  });
  registerOutboxDeliverer('project_pgi', pgiOutboxDeliverer({ calendar }));
  const stopPetitionProjection = onPetitionChange(pgiPetitionListener({ calendar, logger }));
  registerOutboxDeliverer('notify', notifications.deliverNotify);
  if (nationalPortal) registerOutboxDeliverer('report_progress', nationalPortal.deliverProgressReport);
  registerOutboxDeliverer('issue_document', documentDeliverer(now));
  // Caches a crash left behind their log are caught up before the app listens, so /readyz 200 means none lag.
  const repairedCaches = await repairPendingSyncs();
  if (repairedCaches > 0) logger.warn({ repairedCaches }, 'dossier caches caught up with their log after an unclean stop');
  await runOneTimePasses(DOCUMENT_PASSES, (fields, message) => logger.info(fields, message));
  const readModel = await startDossierReadModel((fields, message) => logger.info(fields, message));
  // Every live directory is loaded before the app listens, so /readyz 200 means no page waits for a first load.
  const [certificates, documents, contributions, petitions] = await Promise.all([certificateDirectory(), documentDirectory(), contributionDirectory(), petitionDirectory()]);
  logger.info({ ...readModel, certificates: certificates.size, documents: documents.size, pgiContributions: contributions.size, petitions: petitions.size }, 'live directories loaded');
  // Results given before signed documents existed get theirs, once per installation (signed in the background).
  await runOneTimePasses(issuedDocumentPasses(now), (fields, message) => logger.info(fields, message));
  await dispatchPendingOutbox();
  await scheduleMaintenance(now());
  await scheduleDocumentSweep(now());
  await scheduleDailyDigest(now());
  if (nationalPortal) await scheduleNightlyPortalCheck(now());

  if (!config.isProduction) {
    const seed = await seedDemo({ demoPassword: config.demoPassword, dataDir: fromRoot(config.dataDir), isProduction: false });
    logger.info(seed.created, 'demo data checked');
    const dossiers = await seedDemoDossiers({ now, calendar, uploads });
    if (dossiers > 0) logger.info({ dossiers }, 'demo dossiers created');
    const historyStarted = performance.now();
    const history = await seedDemoHistory({ now, calendar, uploads });
    if (history.dossiers > 0) logger.info({ ...history, ms: Math.round(performance.now() - historyStarted) }, 'demo history created');
    printDemoLogins(config, seed.credentials);
  }

  const sessionStore = createSessionStore(client, database.connection.name);
  const app = createApp({ config, logger, database, now, calendar, sessionStore, uploads, mailOutboxDir });
  const http = await startHttpServer(app, config.port);
  scheduler.start();
  const url = `http://localhost:${http.port}`;
  logger.info({ url }, 'listening');

  return {
    url,
    embeddedDatabase: embedded,
    async stop() {
      await http.close(SHUTDOWN_LIMIT_MS - 4000);
      await scheduler.stop();
      stopPetitionProjection();
      notifications.close();
      await opened.close();
    },
  };
}

/** The signing key, or a ConfigError naming the setting when the configured file cannot be read or opened. */
async function openSigningKey(config: Config) {
  try {
    return await loadSigningKey({ p12Path: config.signing?.p12Path, p12Password: config.signing?.p12Password, dataDir: fromRoot(config.dataDir), organization: 'Sở Công Thương thành phố Hải Phòng' });
  } catch (error) {
    if (!config.signing) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([`SIGNING_P12_PATH, SIGNING_P12_PASSWORD: the signing key could not be opened (${reason})`]);
  }
}

function printDemoLogins(config: Config, credentials: Awaited<ReturnType<typeof seedDemo>>['credentials']): void {
  if (!credentials) return;
  const lines = [
    '',
    `  Demo sign-ins (password: ${credentials.password})${credentials.generated ? ` — generated, kept in ${config.dataDir}/demo-password.txt` : ''}`,
    ...credentials.users.map((user) => `    ${user.role.padEnd(12)} ${user.email}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  // A .env file in the working directory is optional; real environment variables take precedence.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let running: RunningApplication;
  try {
    running = await startApplication(config, logger);
  } catch (error) {
    if (error instanceof GoMissingError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    else logger.fatal({ err: error }, 'start failed');
    process.exit(1);
  }
  process.stdout.write(`\n  Sở Công Thương Hải Phòng — green compliance system running at ${running.url}\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  void main();
}
