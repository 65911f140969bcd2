import { type AppointmentType, LOCATION_KINDS } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button, buttonClasses } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormField } from '../../../components/ui/form-field';
import { ExternalLinkIcon } from '../../../components/ui/icons';
import { CheckboxField, Input, Select } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { cn } from '../../../lib/cn';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { showToast } from '../../../stores/toast-store';
import { useBookingLinks } from '../api/links-api';
import { useAgents, useAppointmentTypes } from '../api/scheduling';
import { useSaveType } from '../api/settings-api';
import { toList } from './range-editors';

const WHERE: Record<string, string> = {
  on_site: 'At the customer',
  office: 'Office',
  phone: 'Phone',
  video: 'Video',
};
const NUMBERS = [
  ['durationMinutes', 'Duration (min)'],
  ['bufferBeforeMinutes', 'Buffer before (min)'],
  ['bufferAfterMinutes', 'Buffer after (min)'],
  ['slotStepMinutes', 'Start every (min)'],
  ['minNoticeMinutes', 'Minimum notice (min)'],
  ['maxDaysAhead', 'Bookable days ahead'],
] as const;
type Draft = Omit<AppointmentType, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'createdBy'>;
const blank: Draft = {
  name: '',
  slug: '',
  description: null,
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  slotStepMinutes: 30,
  minNoticeMinutes: 60,
  maxDaysAhead: 60,
  locationKind: 'office',
  agentIds: [],
  requiredSkills: [],
  colour: '#2563eb',
  publicBooking: false,
};
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

function TypeDialog({
  type,
  onClose,
  directory,
}: {
  type: AppointmentType | null;
  onClose: () => void;
  directory: PeopleDirectory;
}) {
  const agents = useAgents();
  const [d, setD] = useState<Draft>(() => (type ? { ...blank, ...type } : blank));
  const [skills, setSkills] = useState(d.requiredSkills.join(', '));
  const save = useSaveType();
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  return (
    <Dialog open onClose={onClose} title={type ? `Edit ${type.name}` : 'New appointment type'} size="lg">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const { description: _d, ...rest } = d;
          const body = { ...rest, slug: d.slug || slugOf(d.name), requiredSkills: toList(skills) };
          save.mutate(
            { ...(type ? { id: type.id, version: type.version } : {}), body },
            { onSuccess: onClose },
          );
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Name">
            {(c) => (
              <Input
                {...c}
                required
                maxLength={120}
                value={d.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Slug" hint="Used by the public booking page.">
            {(c) => (
              <Input
                {...c}
                maxLength={60}
                value={d.slug}
                placeholder={slugOf(d.name)}
                onChange={(e) => set({ slug: e.target.value })}
              />
            )}
          </FormField>
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {NUMBERS.map(([k, label]) => (
            <FormField key={k} label={label}>
              {(c) => (
                <Input
                  {...c}
                  type="number"
                  min={0}
                  value={d[k]}
                  onChange={(e) => set({ [k]: Number(e.target.value) })}
                />
              )}
            </FormField>
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField label="Where">
            {(c) => (
              <Select
                {...c}
                value={d.locationKind}
                onChange={(e) => set({ locationKind: e.target.value as Draft['locationKind'] })}
              >
                {LOCATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {WHERE[k]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Colour">
            {(c) => (
              <Input {...c} type="color" value={d.colour} onChange={(e) => set({ colour: e.target.value })} />
            )}
          </FormField>
          <FormField label="Required skills" hint="Separated by commas.">
            {(c) => <Input {...c} value={skills} onChange={(e) => setSkills(e.target.value)} />}
          </FormField>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">
            Agents who take it (none ticked: every agent with the skills)
          </legend>
          <div className="flex flex-wrap gap-3">
            {(agents.data ?? []).map((a) => (
              <CheckboxField
                key={a.id}
                label={personName(directory, a.userId)}
                checked={d.agentIds.includes(a.id)}
                onChange={(e) =>
                  set({
                    agentIds: e.target.checked ? [...d.agentIds, a.id] : d.agentIds.filter((x) => x !== a.id),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        <CheckboxField
          label="Offer on the public booking page"
          checked={d.publicBooking}
          onChange={(e) => set({ publicBooking: e.target.checked })}
        />
        {save.isError && <ErrorAlert error={save.error} title="Not saved" />}
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {type ? 'Save' : 'Create type'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

/** The "public booking on/off" switch of one type (a PATCH of `publicBooking` with the type's version). */
function PublicSwitch({ type }: { type: AppointmentType }) {
  const save = useSaveType();
  const on = type.publicBooking;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={`Public booking for ${type.name}`}
      disabled={save.isPending}
      onClick={() =>
        save.mutate(
          { id: type.id, version: type.version, body: { publicBooking: !on } },
          {
            onSuccess: () => showToast(on ? 'Public booking off' : 'Public booking on', 'success'),
            onError: (e) =>
              showToast(`Not changed: ${e instanceof Error ? e.message : 'try again'}`, 'danger'),
          },
        )
      }
      className="inline-flex items-center gap-2 rounded-md text-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-60"
    >
      <span
        aria-hidden="true"
        className={cn(
          'relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors',
          on ? 'bg-indigo-600' : 'bg-zinc-300 dark:bg-zinc-700',
        )}
      >
        <span
          className={cn(
            'absolute top-0.5 size-4 rounded-full bg-white shadow transition-transform',
            on ? 'translate-x-4.5' : 'translate-x-0.5',
          )}
        />
      </span>
      <span className="text-zinc-700 dark:text-zinc-300">Public booking</span>
    </button>
  );
}

/** The public page's address with copy and open, while the type is publicly bookable. */
function PublicLink({ url, path, name }: { url: string; path: string; name: string }) {
  return (
    <div className="flex w-full min-w-0 flex-wrap items-center gap-2 sm:pl-6" data-testid="booking-link">
      <code
        className="w-full break-all rounded bg-zinc-100 px-2 py-1 text-xs sm:w-auto sm:min-w-0 sm:flex-1 sm:truncate dark:bg-zinc-800"
        title={url}
      >
        {url}
      </code>
      <CopyButton value={url} label="Copy link" aria-label={`Copy the booking link of ${name}`} />
      <a
        href={path}
        target="_blank"
        rel="noreferrer"
        className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'gap-1' })}
        aria-label={`Open the booking page of ${name}`}
      >
        <ExternalLinkIcon className="size-4" />
        Open
      </a>
    </div>
  );
}

/** Settings → Appointment types: the kinds of appointment the company offers. */
export function AppointmentTypesPage({ directory }: { directory: PeopleDirectory }) {
  const types = useAppointmentTypes();
  const links = useBookingLinks();
  const [editing, setEditing] = useState<AppointmentType | 'new' | null>(null);
  return (
    <div>
      <PageHeader
        title="Appointment types"
        headingLevel={2}
        description="How long each kind of appointment takes, with which buffers, where, and who takes it."
        actions={<Button onClick={() => setEditing('new')}>New type</Button>}
      />
      {types.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : types.isError ? (
        <ErrorAlert
          error={types.error}
          title="Could not load the types"
          onRetry={() => void types.refetch()}
        />
      ) : types.data.length === 0 ? (
        <EmptyState title="No appointment types yet" description="Create one to start booking." />
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:border-zinc-800 dark:divide-zinc-800">
          {types.data.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <span
                className="size-3 shrink-0 rounded-full"
                style={{ backgroundColor: t.colour }}
                aria-hidden="true"
              />
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{t.name}</span>
                <span className="block text-sm text-zinc-600 dark:text-zinc-400">
                  {t.durationMinutes} min · {WHERE[t.locationKind]}
                  {t.bufferBeforeMinutes || t.bufferAfterMinutes
                    ? ` · buffers ${t.bufferBeforeMinutes}/${t.bufferAfterMinutes} min`
                    : ''}
                  {t.requiredSkills.length ? ` · needs ${t.requiredSkills.join(', ')}` : ''}
                </span>
              </span>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setEditing(t)}
                aria-label={`Edit ${t.name}`}
              >
                Edit
              </Button>
              <div className="flex w-full flex-wrap items-center gap-x-4 gap-y-2 sm:pl-6">
                <PublicSwitch type={t} />
              </div>
              {t.publicBooking &&
                (() => {
                  const link = links.data?.find((l) => l.typeId === t.id);
                  if (link) return <PublicLink url={link.url} path={link.path} name={t.name} />;
                  if (links.isError)
                    return (
                      <p className="w-full text-sm text-red-700 sm:pl-6 dark:text-red-400">
                        Could not load the booking link.
                      </p>
                    );
                  return <span className="w-full text-sm text-zinc-500 sm:pl-6">Loading the link…</span>;
                })()}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <TypeDialog
          type={editing === 'new' ? null : editing}
          directory={directory}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
