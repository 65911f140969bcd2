import { EVENT_TYPES, type EventType } from '@tessera/contracts';
import { type FormEvent, useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/form-field';
import { CheckboxField } from '../../../components/ui/input';
import { useCreateWebhook } from '../api/webhooks';

/** "Add webhook": URL, description, the events to send; then the signing secret, shown once. */
export function CreateWebhookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>([]);
  const close = () => {
    // Forget the secret: once closed it can never be shown again.
    create.reset();
    setUrl('');
    setDescription('');
    setEvents([]);
    onClose();
  };
  const toggle = (type: EventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, eventTypes: events, ...(description ? { description } : {}) });
  };

  return (
    <Dialog open={open} onClose={close} title={create.data ? 'Webhook added' : 'Add webhook'} size="xl">
      {create.data ? (
        <div className="space-y-4">
          <Alert tone="warning" title="Copy the signing secret now">
            This is the only time the secret is shown. Receivers verify the <code>webhook-signature</code>{' '}
            header with it (Standard Webhooks); you can rotate it later.
          </Alert>
          <div className="flex items-start gap-2">
            <code
              data-testid="webhook-secret"
              className="min-w-0 flex-1 rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm break-all select-all dark:bg-zinc-800"
            >
              {create.data.secret}
            </code>
            <CopyButton value={create.data.secret} aria-label="Copy signing secret" />
          </div>
          <DialogFooter>
            <Button onClick={close}>Done</Button>
          </DialogFooter>
        </div>
      ) : (
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {create.error ? <ErrorAlert error={create.error} title="The webhook was not added" /> : null}
          <TextField
            label="Endpoint URL"
            type="url"
            placeholder="https://example.com/webhooks/tessera"
            autoFocus
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">Events to send</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {EVENT_TYPES.map((type) => (
                <CheckboxField
                  key={type}
                  label={<code className="text-xs">{type}</code>}
                  checked={events.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
              ))}
            </div>
          </fieldset>
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending || events.length === 0 || url === ''}>
              Add webhook
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
