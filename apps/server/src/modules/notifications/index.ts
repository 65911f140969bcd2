export { dailyDigestJob, notifyTasksDue, sendDigests, tasksDueTodayJob } from './notification-jobs.ts';
export { notificationsConsumer } from './notifications.consumer.ts';
export { notificationRoutes } from './notifications.routes.ts';
