import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { crmEvents } from './crm-events.ts';
import { fieldEvents } from './field-events.ts';
import { identityEvents } from './identity-events.ts';
import { salesEvents } from './sales-events.ts';
import { schedulingEvents } from './scheduling-events.ts';

export { defineEvents, type EventDefinition } from './define-event.ts';

/**
 * Every domain event type, with its payload contract. A new module adds its `defineEvents` group here; the
 * server's `emit()` accepts only these types and validates the payload against its schema.
 */
export const eventCatalog = {
  ...crmEvents,
  ...identityEvents,
  ...salesEvents,
  ...schedulingEvents,
  ...fieldEvents,
};

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventPayload<T extends EventType> = z.output<EventCatalog[T]['payload']>;
export const EVENT_TYPES = Object.keys(eventCatalog) as EventType[];
export const eventType = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

/** A committed event as consumers (and, later, webhooks and sockets) see it. */
export const eventEnvelopeSchema = z.object({
  id: uuid,
  type: eventType,
  tenantId: uuid,
  /** Commit order within the tenant: 1, 2, 3 … without gaps. */
  seq: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
