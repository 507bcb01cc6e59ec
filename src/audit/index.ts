export { recordAudit } from './audit.model';
