import express, { type Express, type Router } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config, OidcConfig } from '../config';
import type { DatabaseConnection } from '../db';
import { healthRoutes } from '../health';
import type { Logger } from '../logging/logger';
import { fromRoot } from '../paths';
import { databaseGate } from './database-unavailable';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { requestId } from './request-id';
import { installViewEngine } from './view-engine';
import { noStore, noStoreWhenSignedIn } from './no-store';
import { PUBLIC_LOOKUP_PATHS, publicLookupLimit } from './rate-limit';
import { applicationRoutes } from '../applications/application.routes';
import { authRoutes } from '../auth/auth.routes';
import { certificateRoutes } from '../certificates';
import { pgiRoutes } from '../pgi';
import { dialogueRoutes } from '../dialogue';
import { oneStopFormRoutes } from '../one-stop-forms';
import { notificationRoutes } from '../notifications';
import { issuedDocumentRoutes } from '../issued-documents';
import { documentRoutes, uploadSettingsFromConfig, type UploadSettings } from '../documents';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendar } from '../calendar';
import { bearerAuthentication } from './bearer-auth';
import { openApiDocument } from './openapi';
import { routerFromTable, type RouteDefinition } from './route-table';
import type session from 'express-session';
import type { TFunction } from 'i18next';
import { createTranslations, languageMiddleware, type Locale } from '../i18n';
import { installWebAuth } from './web-auth';
import { webPages } from '../web';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Pick<DatabaseConnection, 'ping'> & Partial<Pick<DatabaseConnection, 'isAvailable'>>;
  /** Extra routers mounted after the built-in ones (tests use it for probe routes). */
  routers?: Router[];
  now?: () => Date;
  calendar?: WorkingCalendar;
  /** Session store for browser sign-in (the database in production and tests). */
  sessionStore?: session.Store;
  /** Where and how uploads are stored; defaults to the configured UPLOAD_DIR on local disk. */
  uploads?: UploadSettings;
  /** Where .eml files go when no SMTP server is configured (the admin mail list reads it). */
  mailOutboxDir?: string;
  /** Defaults to the strings in views/locales. */
  translate?: (locale: Locale) => TFunction;
}

const openApiRoute: RouteDefinition = {
  method: 'get',
  path: '/api/v1/openapi.json',
  allow: ['public'],
  handler: () => undefined,
  docs: { summary: 'This OpenAPI document', tag: 'meta' },
};

/** Every route of the app with its declared audience: the authorization matrix test reads this. */
export function routeTable(
  deps: Pick<AppDeps, 'now' | 'calendar' | 'uploads' | 'mailOutboxDir'> & { dataDir?: string; refuseDemoUsers?: boolean; nationalPortalConnected?: boolean; accounts?: { secret: string; registrationApproval: 'auto' | 'admin'; oidc?: OidcConfig; baseUrl?: string } },
): RouteDefinition[] {
  const now = deps.now ?? (() => new Date());
  const calendar = deps.calendar ?? DEFAULT_WORKING_CALENDAR;
  // Handlers touch the disk only when called, so readers of the table (authz matrix, OpenAPI) need no real folder.
  const uploads = deps.uploads ?? uploadSettingsFromConfig({ uploadDir: 'uploads', maxUploadBytes: 20 * 1024 * 1024 });
  // Readers of the table alone (authz matrix, OpenAPI) never open a link, so any secret serves them.
  const accounts = { now, ...(deps.accounts ?? { secret: 'route-table-only', registrationApproval: 'admin' as const }) };
  return [...webPages({ now, calendar, uploads, mailOutboxDir: deps.mailOutboxDir, accounts, nationalPortalConnected: deps.nationalPortalConnected ?? false }), ...authRoutes({ now, refuseDemoUsers: deps.refuseDemoUsers }), ...applicationRoutes({ now, calendar }), ...certificateRoutes({ now }), ...documentRoutes({ now, uploads }), ...pgiRoutes({ now, calendar }), ...dialogueRoutes({ now, calendar, dataDir: deps.dataDir }), ...oneStopFormRoutes(), ...notificationRoutes({ now, outboxDir: deps.mailOutboxDir }), ...issuedDocumentRoutes({ now })];
}

const BODY_LIMIT = '200kb';

/** Builds the Express app from its dependencies; reads no environment and opens no port. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Which proxies may name the client's address (rate limits key on it): none unless TRUST_PROXY says so.
  app.set('trust proxy', config.trustProxy);
  // Absolute links that leave the site (printed certificates, QR codes) use the configured address, not Host.
  app.locals.baseUrl = config.baseUrl;
  // The sign-in page offers single sign-on only when it is configured.
  app.locals.singleSignOn = config.oidc ? { label: config.oidc.label } : undefined;
  installViewEngine(app, { cache: config.isProduction });

  app.use(pinoHttp({ logger, genReqId: requestId, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.isProduction ? [] : null },
      },
      strictTransportSecurity: config.isProduction,
    }),
  );
  // Every API answer, refusals included (a 413 or a 429 is decided before anyone is authenticated).
  app.use('/api', noStore);
  app.use('/static', express.static(fromRoot('views', 'static'), { maxAge: config.isProduction ? '7d' : 0, index: false }));
  const language = languageMiddleware(deps.translate ?? createTranslations(config.defaultLocale), config.defaultLocale);
  app.use(cookieParser());
  app.use(language);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(healthRoutes(deps.database));
  app.use(PUBLIC_LOOKUP_PATHS, publicLookupLimit());
  const isAvailable = deps.database.isAvailable;
  if (isAvailable) app.use(databaseGate(() => isAvailable()));

  const now = deps.now ?? (() => new Date());
  app.use(bearerAuthentication(now));
  installWebAuth(app, { secret: config.sessionSecret, secure: config.isProduction, store: deps.sessionStore, now, refuseDemoUsers: config.isProduction });
  app.use(noStoreWhenSignedIn);
  app.use(language);
  const routes = routeTable({
    ...deps,
    uploads: deps.uploads ?? uploadSettingsFromConfig(config),
    dataDir: fromRoot(config.dataDir),
    refuseDemoUsers: config.isProduction,
    nationalPortalConnected: config.dvcqg !== undefined,
    accounts: { secret: config.sessionSecret, registrationApproval: config.registrationApproval, oidc: config.oidc, baseUrl: config.baseUrl },
  });
  const openApi = openApiDocument([...routes, openApiRoute], config.baseUrl);
  app.get(openApiRoute.path, (_req, res) => {
    res.json(openApi);
  });
  app.use(routerFromTable(routes));
  for (const router of deps.routers ?? []) app.use(router);

  app.use(notFoundHandler);
  app.use(createErrorHandler({ exposeStack: config.env === 'development' }));
  return app;
}
