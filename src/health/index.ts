export { healthRoutes, type HealthDeps } from './health.routes';
