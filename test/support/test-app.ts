import type { Router } from 'express';
import { loadConfig, type Config } from '../../src/config';
import type { DatabaseConnection } from '../../src/db';
import type { UploadSettings } from '../../src/documents';
import { createApp } from '../../src/http';
import { createSessionStore } from '../../src/http/session';
import { createLogger } from '../../src/logging/logger';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

/** The real app; given a real database it also gets the database session store, as in production. */
export function buildTestApp(
  database: Pick<DatabaseConnection, 'ping'> & Partial<Pick<DatabaseConnection, 'connection'>>,
  options: { routers?: Router[]; env?: Record<string, string>; now?: () => Date; uploads?: UploadSettings; mailOutboxDir?: string } = {},
) {
  const config = testConfig(options.env);
  const sessionStore = database.connection ? createSessionStore(database.connection.getClient(), database.connection.name) : undefined;
  return createApp({ config, logger: createLogger(config.logLevel), database, routers: options.routers, sessionStore, now: options.now, uploads: options.uploads, mailOutboxDir: options.mailOutboxDir });
}
