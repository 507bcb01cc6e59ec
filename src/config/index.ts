export { loadConfig, ConfigError, type Config, type OidcConfig } from './config';
