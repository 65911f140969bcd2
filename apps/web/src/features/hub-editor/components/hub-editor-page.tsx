import {
  deepMerge,
  type HubConfig,
  type HubOverride,
  hubConfigSchema,
  hubWidgets,
  type RoleHub,
} from '@tessera/contracts';
import { useEffect, useMemo, useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextareaField, TextField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiClientError } from '../../../lib/api-error';
import { usePreviewHub, useRoleHub, useSaveHub } from '../api/hubs';
import { HubVersions } from './hub-versions';
import { parseOverride, withDisplayName, withNavItem, withWidget } from './override-edits';

export interface RoleOption {
  id: string;
  name: string;
}

/** `/settings/hubs`: pick a role, change its hub (form + JSON), preview, save, roll back. */
export function HubEditorPage({ roles }: { roles: readonly RoleOption[] | undefined }) {
  useDocumentTitle('Hubs');
  const [roleId, setRoleId] = useState<string>('');
  const selected = roleId || roles?.[0]?.id || '';
  const hub = useRoleHub(selected || undefined);
  return (
    <div className="space-y-6">
      <PageHeader
        headingLevel={2}
        title="Hubs"
        description="What each role sees first: navigation, quick actions and dashboard widgets."
      />
      <SelectField
        label="Role"
        fieldClassName="max-w-xs"
        value={selected}
        onChange={(e) => setRoleId(e.target.value)}
        options={(roles ?? []).map((r) => ({ value: r.id, label: r.name }))}
      />
      {hub.isPending && selected ? <Skeleton className="h-96" /> : null}
      {hub.error ? <ErrorAlert error={hub.error} onRetry={() => void hub.refetch()} /> : null}
      {hub.data ? (
        <HubForm
          key={`${hub.data.roleId}:${hub.data.version}`}
          hub={hub.data}
          onReload={() => void hub.refetch()}
        />
      ) : null}
    </div>
  );
}

function HubForm({ hub, onReload }: { hub: RoleHub; onReload: () => void }) {
  const [text, setText] = useState(() => JSON.stringify(hub.override ?? {}, null, 2));
  const [note, setNote] = useState('');
  const draft = parseOverride(text);
  const merged = useMemo(
    () => (draft ? hubConfigSchema.safeParse(deepMerge(hub.base, draft)) : undefined),
    [draft, hub.base],
  );
  const [effective, setEffective] = useState<HubConfig>(hub.effective);
  useEffect(() => {
    if (merged?.success) setEffective(merged.data);
  }, [merged]);
  const save = useSaveHub(hub.roleId);
  const preview = usePreviewHub(hub.roleId);
  const edit = (fn: (o: HubOverride) => HubOverride) => setText(JSON.stringify(fn(draft ?? {}), null, 2));
  const error = save.error ?? preview.error;
  const details =
    isApiClientError(error) && error.code === 'VALIDATION_ERROR' && Array.isArray(error.details)
      ? (error.details as { path: string; message: string }[])
      : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <TextField
          label="Display name"
          value={effective.metadata.displayName}
          onChange={(e) => edit((o) => withDisplayName(o, e.target.value))}
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Navigation</legend>
          {hub.base.navigation.items.map((item) => (
            <label key={item.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={effective.navigation.items.some((i) => i.id === item.id)}
                onChange={(e) => edit((o) => withNavItem(o, effective, hub.base, item.id, e.target.checked))}
              />
              {item.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Dashboard widgets</legend>
          {(Object.keys(hubWidgets) as (keyof typeof hubWidgets)[]).map((key) => (
            <label key={key} className="mr-4 inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={effective.dashboard.widgets.some((w) => w.id === hubWidgets[key].id)}
                onChange={(e) => edit((o) => withWidget(o, effective, key, e.target.checked))}
              />
              {hubWidgets[key].title}
            </label>
          ))}
        </fieldset>
        <TextareaField
          label="Override (JSON)"
          rows={14}
          className="font-mono text-xs"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={draft ? undefined : 'Not a JSON object'}
          hint="Objects merge key by key over the role's base config; arrays replace; null removes."
        />
        <TextField
          label="Note (optional)"
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
        />
        {details ? (
          <Alert tone="danger" title="The configuration is not valid">
            <ul className="list-disc pl-5" data-testid="hub-errors">
              {details.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  <code>{d.path.replace(/^body\.override\.?/, '') || '(root)'}</code>: {d.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <MutationError error={error} what="This hub" onReload={onReload} />
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            disabled={!draft || preview.isPending}
            variant="secondary"
            onClick={() => draft && preview.mutate(draft)}
          >
            Preview as this role
          </Button>
          <Button
            disabled={!draft || save.isPending}
            onClick={() =>
              draft && save.mutate({ override: draft, version: hub.version, ...(note ? { note } : {}) })
            }
          >
            Save version {hub.version + 1}
          </Button>
        </div>
      </div>
      <div className="space-y-4">
        {preview.data ? <HubPreview config={preview.data} /> : null}
        <HubVersions roleId={hub.roleId} version={hub.version} />
      </div>
    </div>
  );
}

function HubPreview({ config }: { config: HubConfig }) {
  return (
    <section
      aria-label="Preview"
      className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
      data-testid="hub-preview"
    >
      <h3 className="font-semibold">{config.metadata.displayName}</h3>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Navigation: {config.navigation.items.map((i) => i.label).join(' · ') || '—'}
      </p>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Quick actions: {config.navigation.quickActions.map((a) => a.label).join(' · ') || '—'}
      </p>
      <ul className="mt-2 grid grid-cols-12 gap-1">
        {config.dashboard.widgets.map((w) => (
          <li
            key={w.id}
            className="truncate rounded bg-indigo-50 px-2 py-1 text-xs text-indigo-800 dark:bg-indigo-500/10 dark:text-indigo-200"
            style={{ gridColumn: `${w.area.x + 1} / span ${w.area.w}` }}
          >
            {w.title}
          </li>
        ))}
      </ul>
    </section>
  );
}
