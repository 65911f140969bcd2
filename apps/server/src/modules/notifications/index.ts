export { notificationsConsumer } from './notifications.consumer.ts';
export { notificationRoutes } from './notifications.routes.ts';
