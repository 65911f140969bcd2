export {
  type ConsumerContext,
  type DispatchedEvent,
  defineConsumer,
  type EventConsumer,
} from './consumer.ts';
export {
  createEventDispatcher,
  type DispatcherOptions,
  type DispatchObserver,
  type EventDispatcher,
} from './dispatcher.ts';
export { type EventOrigin, emit } from './emit.ts';
export { EVENTS_CHANNEL } from './listener.ts';
export { type OutboxStats, outboxStats } from './outbox-stats.ts';
