export { type AuditActor, type AuditEntry, diffChanges, writeAudit } from './audit-writer.ts';
export { auditLogs, type FieldChanges } from './tables.ts';
