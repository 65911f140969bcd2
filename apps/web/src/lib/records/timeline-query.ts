import type { RelatedType } from '@tessera/contracts';
import { timelineItemSchema } from '@tessera/contracts';
import { v1 } from '../endpoints';
import { listInfiniteOptions } from './list-page';
import { TIMELINE_QUERY_KEY } from './record-path';

const BASE: Record<RelatedType, string> = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
};

/** `GET /api/v1/<records>/:id/timeline`: activities, tasks and audited changes, newest first. */
export function timelineQueryOptions(type: RelatedType, id: string) {
  return listInfiniteOptions(
    [...TIMELINE_QUERY_KEY, type, id],
    v1(`${BASE[type]}/${encodeURIComponent(id)}/timeline`),
    timelineItemSchema,
    (cursor) => ({ limit: 25, cursor }),
  );
}
