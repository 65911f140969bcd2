import type { RelatedType } from '@tessera/contracts';

/** Client route of a CRM record (deals have no detail page: their board). */
export function recordPath(type: RelatedType, id: string): string {
  switch (type) {
    case 'lead':
      return `/leads/${id}`;
    case 'contact':
      return `/contacts/${id}`;
    case 'company':
      return `/companies/${id}`;
    case 'deal':
      return '/deals';
  }
}

/** Query keys whose data a change to a record may affect (lists, details, timelines). */
export const TIMELINE_QUERY_KEY = ['timeline'] as const;
export const TASKS_QUERY_KEY = ['tasks'] as const;
