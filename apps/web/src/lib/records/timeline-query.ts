import type { RelatedType } from '@tessera/contracts';
import { timelineItemSchema } from '@tessera/contracts';
import { v1 } from '../endpoints';
import { listInfiniteOptions } from './list-page';
import { TIMELINE_QUERY_KEY } from './query-keys';
import { recordType } from './record-types';

/** `GET /api/v1/<apiPath of the registered type>/:id/timeline`: activities, tasks and audited changes, newest first. */
export function timelineQueryOptions(type: RelatedType, id: string) {
  return listInfiniteOptions(
    [...TIMELINE_QUERY_KEY, type, id],
    v1(`${recordType(type).apiPath}/${encodeURIComponent(id)}/timeline`),
    timelineItemSchema,
    (cursor) => ({ limit: 25, cursor }),
  );
}
