import { useId } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Input } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { useCalendarFeed, useCalendarFeedAction } from '../api/links-api';

const since = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * An agent's iCalendar feed (`GET|POST|DELETE /scheduling/agents/:id/calendar-feed`): the secret URL to
 * subscribe to in a phone's calendar, copy it, replace it with a new one (the old one stops working) or revoke
 * it. `whose` names the agent in the texts ("your", "Sofia's").
 */
export function CalendarFeedCard({ agentId, whose = 'your' }: { agentId: string; whose?: string }) {
  const titleId = useId();
  const feed = useCalendarFeed(agentId);
  const action = useCalendarFeedAction(agentId);
  const url = feed.data?.url ?? null;
  return (
    <Card aria-labelledby={titleId} data-testid="calendar-feed">
      <CardHeader
        titleId={titleId}
        title="Calendar feed"
        description={`See ${whose} appointments in a phone or desktop calendar (iCalendar subscription; updates within a few hours, depending on the calendar app).`}
      />
      <CardBody className="space-y-3">
        {feed.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : feed.isError ? (
          <ErrorAlert
            error={feed.error}
            title="Could not load the calendar feed"
            onRetry={() => void feed.refetch()}
          />
        ) : url ? (
          <>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <Input
                readOnly
                aria-label="Calendar feed URL"
                value={url}
                className="w-full min-w-0 font-mono text-xs sm:flex-1"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url} label="Copy URL" className="shrink-0" />
            </div>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Created {feed.data?.createdAt ? since(feed.data.createdAt) : ''}. Anyone with this address sees{' '}
              {whose} appointments: keep it private, and make a new one if it leaked.
            </p>
            <div className="flex flex-wrap gap-2">
              <ConfirmButton
                label="New URL"
                title="Replace the calendar feed URL?"
                action={action}
                onConfirm={(done) => action.mutate('create', { onSuccess: done })}
              >
                The current address stops working at once; calendars subscribed to it need the new one.
              </ConfirmButton>
              <ConfirmButton
                label="Revoke"
                title="Revoke the calendar feed?"
                action={action}
                onConfirm={(done) => action.mutate('revoke', { onSuccess: done })}
              >
                The address stops working at once; calendars subscribed to it stop updating.
              </ConfirmButton>
            </div>
          </>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No feed yet.</p>
            <Button disabled={action.isPending} onClick={() => action.mutate('create')}>
              Create feed URL
            </Button>
          </div>
        )}
        {action.isError && !url && <ErrorAlert error={action.error} title="Not created" />}
      </CardBody>
    </Card>
  );
}
