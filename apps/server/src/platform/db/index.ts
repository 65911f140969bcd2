export { type Database, type Db, type DbKind, openDatabase, type Tx } from './database.ts';
export { isExclusionDeadlock, isExclusionViolation, isUniqueViolation } from './db-errors.ts';
export {
  loadMigrations,
  MigrationError,
  type MigrationStatus,
  migrate,
  migrationStatus,
} from './migrator.ts';
export { type ListenOptions, listenForNotifications, type NotifyListener } from './notify-listener.ts';
export type { SqlSession } from './sql-session.ts';
export { APP_ROLE, enterScope, SCOPE_SQL, scopePrelude, withTenant, withUser } from './tenant-tx.ts';
