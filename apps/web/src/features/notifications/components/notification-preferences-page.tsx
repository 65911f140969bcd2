import {
  NOTIFICATION_EMAIL_MODES,
  type NotificationPreference,
  type NotificationType,
} from '@tessera/contracts';
import { useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/preferences';

export const TYPE_LABELS: Record<NotificationType, string> = {
  'lead.assigned': 'A lead is assigned to me',
  'task.assigned': 'A task is assigned to me',
  'deal.won': 'A deal in my team is won',
  'note.mentioned': 'I am mentioned in a note',
  'task.due_today': 'A task of mine is due today',
  'task.commented': 'Someone comments on a task of mine',
};

const EMAIL_LABELS: Record<(typeof NOTIFICATION_EMAIL_MODES)[number], string> = {
  off: 'No e-mail',
  instant: 'At once',
  digest: 'Daily digest',
};

/** `/profile/notifications`: in-app on/off and e-mail (off, at once, daily digest) per notification type. */
export function NotificationPreferencesPage() {
  useDocumentTitle('Notifications');
  const query = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [draft, setDraft] = useState<NotificationPreference[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (query.data) setDraft(query.data.items);
  }, [query.data]);
  const change = (type: NotificationType, patch: Partial<NotificationPreference>) => {
    setSaved(false);
    setDraft((items) => items.map((i) => (i.type === type ? { ...i, ...patch } : i)));
  };
  const onSave = async () => {
    await save.mutateAsync(draft);
    setSaved(true);
  };
  return (
    <>
      <PageHeader title="Notifications" description="What you are told about, in the app and by e-mail." />
      <Card aria-labelledby="notification-preferences-title">
        <CardHeader titleId="notification-preferences-title" title="Preferences" />
        <CardBody className="space-y-4">
          {query.isPending ? <Spinner label="Loading preferences" /> : null}
          {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
          {save.error ? <ErrorAlert error={save.error} /> : null}
          {saved ? <Alert tone="success">Preferences saved.</Alert> : null}
          {draft.length > 0 ? (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left">
                  <th scope="col">Notify me when</th>
                  <th scope="col">In the app</th>
                  <th scope="col">By e-mail</th>
                </tr>
              </thead>
              <tbody>
                {draft.map((item) => (
                  <tr key={item.type}>
                    <th scope="row" className="py-2 font-normal">
                      {TYPE_LABELS[item.type]}
                    </th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${TYPE_LABELS[item.type]}: in the app`}
                        checked={item.inApp}
                        onChange={(e) => change(item.type, { inApp: e.target.checked })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${TYPE_LABELS[item.type]}: by e-mail`}
                        value={item.email}
                        onChange={(e) =>
                          change(item.type, { email: e.target.value as NotificationPreference['email'] })
                        }
                      >
                        {NOTIFICATION_EMAIL_MODES.map((m) => (
                          <option key={m} value={m}>
                            {EMAIL_LABELS[m]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <Button onClick={() => void onSave()} disabled={save.isPending || draft.length === 0}>
            Save
          </Button>
        </CardBody>
      </Card>
    </>
  );
}
