import type { Router } from 'express';
import { loadConfig, type Config } from '../../src/config';
import type { DatabaseConnection } from '../../src/db';
import { createApp } from '../../src/http';
import { createLogger } from '../../src/logging/logger';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
}

export function buildTestApp(database: Pick<DatabaseConnection, 'ping'>, options: { routers?: Router[]; env?: Record<string, string> } = {}) {
  const config = testConfig(options.env);
  return createApp({ config, logger: createLogger(config.logLevel), database, routers: options.routers });
}
