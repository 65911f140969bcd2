import type { Principal } from '../../../platform/access/index.ts';
import type { AuditActor } from '../../../platform/audit/index.ts';
import type { DuplicateStrategy, ImportEntityDef } from './import-entities.ts';

/** Everything a batch needs to know about its import. */
export interface BatchContext {
  importId: string;
  entity: ImportEntityDef;
  duplicates: DuplicateStrategy;
  dryRun: boolean;
  /** Acting user (owner and author of the records) and audit origin. */
  actor: AuditActor & { userId: string };
  /** The importer's record scope: duplicates are looked for (and updated) only among records they may see. */
  principal: Principal;
  header: readonly string[];
  columns: readonly (string | null)[];
  /**
   * Dry run only: duplicate keys of earlier batches' rows → their row number. A real import writes each
   * batch before reading the next, so the database itself finds those; a dry run writes nothing.
   */
  seenKeys?: Map<string, number>;
}
