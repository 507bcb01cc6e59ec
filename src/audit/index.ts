export { AuditEntryModel, recordAudit } from './audit.model';
