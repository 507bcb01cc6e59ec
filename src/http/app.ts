import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config';
import type { DatabaseConnection } from '../db';
import { healthRoutes } from '../health';
import type { Logger } from '../logging/logger';
import { fromRoot } from '../paths';
import { createErrorHandler, notFoundHandler } from './error-handler';
import { requestId } from './request-id';
import { installViewEngine } from './view-engine';
import { webRoutes } from './web.routes';

export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Pick<DatabaseConnection, 'ping'>;
  /** Capability routers mounted after the built-in ones (the composition root decides which). */
  routers?: Router[];
}

const BODY_LIMIT = '200kb';

/** Builds the Express app from its dependencies; reads no environment and opens no port. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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
  app.use('/static', express.static(fromRoot('views', 'static'), { maxAge: config.isProduction ? '7d' : 0, index: false }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use((_req, res, next) => {
    res.locals.locale = config.defaultLocale;
    next();
  });

  app.use(healthRoutes(deps.database));
  app.use(webRoutes());
  for (const router of deps.routers ?? []) app.use(router);

  app.use(notFoundHandler);
  app.use(createErrorHandler({ exposeStack: config.env === 'development' }));
  return app;
}
