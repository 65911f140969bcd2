import type { z } from 'zod';

/** One kind of domain event: what it means and the shape of its payload. */
export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  description: string;
  payload: P;
}

/**
 * Declares a group of events, keyed by their type (`<resource>.<past tense>`). Each module keeps its own group in
 * one file here; `events/index.ts` merges the groups into `eventCatalog`, the registry that the server's
 * `emit()`, its consumers and (later) webhooks and sockets read.
 */
export const defineEvents = <const T extends Record<string, EventDefinition>>(events: T): T => events;
