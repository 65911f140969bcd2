import type { Permission, RelatedType } from '@tessera/contracts';

/** What shared record code needs to know about a record type, registered by the feature that owns it. */
export interface RecordTypeDefinition {
  type: RelatedType;
  /** API collection below `/api/v1` (`'leads'`): timelines are `/<apiPath>/:id/timeline`. */
  apiPath: string;
  /** Client route of one record (deals have no detail page: their board). */
  route: (id: string) => string;
  /** What the viewer needs to open one (links to it are plain names without it: `RecordLink`). */
  viewPermission: Permission;
}

const registry = new Map<RelatedType, RecordTypeDefinition>();

/**
 * Adds record types: each feature defines its own (`features/crm-leads/record-type.ts`) and
 * `app/record-types.ts` registers them. Registering a type again replaces it (hot reload).
 */
export function registerRecordTypes(definitions: readonly RecordTypeDefinition[]): void {
  for (const definition of definitions) registry.set(definition.type, definition);
}

/** The registered definition of a record type (an error names a type nobody registered). */
export function recordType(type: RelatedType): RecordTypeDefinition {
  const definition = registry.get(type);
  if (!definition) throw new Error(`Record type "${type}" is not registered`);
  return definition;
}

/** Client route of a record. */
export function recordPath(type: RelatedType, id: string): string {
  return recordType(type).route(id);
}
