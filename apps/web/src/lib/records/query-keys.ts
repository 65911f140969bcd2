/** Query keys whose data a change to any record may affect (timelines, my tasks). */
export const TIMELINE_QUERY_KEY = ['timeline'] as const;
export const TASKS_QUERY_KEY = ['tasks'] as const;
