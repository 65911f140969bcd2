export { type RealtimeEntity, realtimeConsumer, registerRealtimeEntity } from './realtime.consumer.ts';
export {
  createRealtimeHub,
  mayReceive,
  REALTIME_PATH,
  type RealtimeHub,
  type RealtimeMessage,
  type RealtimeVisibility,
} from './realtime-hub.ts';
export { registerSocketAuth, type SocketAuthenticator } from './socket-auth.ts';
