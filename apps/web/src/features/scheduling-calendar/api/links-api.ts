import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BookingLink,
  bookingLinkSchema,
  type CalendarFeed,
  calendarFeedSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

const feedPath = (agentId: string) => v1(`scheduling/agents/${encodeURIComponent(agentId)}/calendar-feed`);
const feedKey = (agentId: string) => ['scheduling_calendar_feed', agentId];

/** The agent's secret iCalendar feed URL (`url: null` when there is none). */
export const useCalendarFeed = (agentId: string) =>
  useQuery<CalendarFeed>({
    queryKey: feedKey(agentId),
    queryFn: ({ signal }) => api.get(feedPath(agentId), { schema: calendarFeedSchema, signal }),
  });

/** Creates the feed URL, or replaces it (the previous one stops working), or revokes it. */
export function useCalendarFeedAction(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: 'create' | 'revoke') =>
      action === 'create'
        ? api.post(feedPath(agentId), undefined, { schema: calendarFeedSchema })
        : api.delete(feedPath(agentId), { schema: calendarFeedSchema }),
    onSuccess: (feed) => queryClient.setQueryData(feedKey(agentId), feed),
  });
}

/** The company's public booking pages, one per type with public booking on (under the types' key: refreshed with them). */
export const useBookingLinks = () =>
  useQuery<BookingLink[]>({
    queryKey: ['appointment_types', 'booking-links'],
    queryFn: ({ signal }) =>
      api.get(v1('scheduling/booking-links'), { schema: z.array(bookingLinkSchema), signal }),
  });
