export {
  DEFAULT_RETRY,
  deadLetterQueue,
  defineJob,
  type JobContext,
  type JobDefinition,
  type SendJob,
  type SendOptions,
} from './job-definition.ts';
export { jobMonitorRoutes } from './job-monitor.routes.ts';
export { type JobMonitorSource, readJobMonitor, retryJob } from './job-monitor.ts';
export { type JobRunner, type JobsState, type StartJobsOptions, startJobs } from './job-runner.ts';
