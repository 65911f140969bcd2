import {
  ACTIVITY_TYPES,
  type ActivityCreateInput,
  activityCreateInput,
  type RelatedRef,
} from '@tessera/contracts';
import { useState } from 'react';
import { RecordFormDialog } from '../../../components/records/record-form';
import { Button } from '../../../components/ui/button';
import { localToIso, nullable, optionalInt } from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';
import { showToast } from '../../../stores/toast-store';
import { useCreateActivity } from '../api/create-activity';

type ActivityType = ActivityCreateInput['type'];

const buttonLabel: Record<ActivityType, string> = {
  call: 'Log a call',
  meeting: 'Log a meeting',
  email: 'Log an e-mail',
  note: 'Add a note',
};

/** Local `datetime-local` value of now (minutes precision). */
function nowLocal(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/**
 * "Log a call" (or another activity type): subject, notes, duration and when, on the given record; the
 * record's timeline refreshes.
 */
export function LogActivityButton({
  related,
  type = 'call',
  chooseType = false,
}: {
  related: RelatedRef;
  type?: ActivityType;
  /** Let the user pick the type (call, meeting, e-mail, note). */
  chooseType?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const create = useCreateActivity();
  const label = chooseType ? 'Log activity' : buttonLabel[type];
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <RecordFormDialog
        open={open}
        size="md"
        title={label}
        schema={activityCreateInput}
        initialValues={{ type, subject: '', body: '', durationMinutes: '', occurredAt: nowLocal() }}
        fields={[
          ...(chooseType
            ? [{ name: 'type', label: 'Type', kind: 'select' as const, options: enumOptions(ACTIVITY_TYPES) }]
            : []),
          { name: 'subject', label: 'Subject', autoFocus: true, wide: !chooseType },
          { name: 'occurredAt', label: 'When', kind: 'datetime' },
          { name: 'durationMinutes', label: 'Duration (minutes)', kind: 'number' },
          { name: 'body', label: 'Notes', kind: 'textarea' },
        ]}
        toInput={(values) => ({
          type: values.type,
          subject: values.subject,
          body: nullable(values.body),
          durationMinutes: optionalInt(values.durationMinutes) ?? null,
          occurredAt: localToIso(values.occurredAt),
          related,
        })}
        submitLabel="Save"
        onCancel={() => setOpen(false)}
        onSubmit={async (input) => {
          await create.mutateAsync(input);
          setOpen(false);
          showToast('Activity saved', 'success');
        }}
      />
    </>
  );
}
