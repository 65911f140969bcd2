import { type EventPayload, type EventType, eventCatalog } from '@tessera/contracts';
import { newId } from '../db/columns.ts';
import type { Tx } from '../db/database.ts';
import { eventOutbox } from './tables.ts';

/** Who caused an event: the fields of a service context (or an audit actor) that events record. */
export interface EventOrigin {
  tenantId: string;
  userId?: string | null;
  apiKeyId?: string | null;
  requestId?: string | null;
}

/**
 * Emits a domain event: one outbox row, written in the caller's tenant transaction `tx`. It becomes visible to
 * the dispatcher only when that transaction commits (a rollback emits nothing) and takes its place in the
 * tenant's commit order then. The payload is checked against the event catalog (a wrong payload is a bug: it
 * throws and rolls the use case back). Returns the event id (consumers are idempotent by it).
 */
export const emit = async <T extends EventType>(
  tx: Tx,
  origin: EventOrigin,
  type: T,
  payload: EventPayload<T>,
): Promise<string> => {
  const definition = eventCatalog[type];
  if (!definition) throw new Error(`Unknown event type "${type}"`);
  const id = newId();
  await tx.insert(eventOutbox).values({
    id,
    tenantId: origin.tenantId,
    type,
    payload: definition.payload.parse(payload),
    actorUserId: origin.userId ?? null,
    actorApiKeyId: origin.apiKeyId ?? null,
    requestId: origin.requestId ?? null,
  });
  return id;
};
