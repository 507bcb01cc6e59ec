export { loadConfig, ConfigError, type Config, type OidcConfig, type DvcqgConfig } from './config';
