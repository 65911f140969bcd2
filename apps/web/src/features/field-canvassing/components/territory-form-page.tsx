import { type Territory, type TerritoryGeometry, territoryCreateInput } from '@tessera/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useZodForm } from '../../../hooks/use-zod-form';
import type { PeopleDirectory } from '../../../lib/people';
import { territoryRecords, useRecentVisits, useTerritory, useTerritoryVisits } from '../api/canvassing';
import { ShapeEditor } from './shape-editor';

/** One entry a line (or separated by commas / semicolons), trimmed, blanks and repeats dropped. */
export const splitList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\n,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

interface Values extends Record<string, unknown> {
  name: string;
  description: string;
  postalCodes: string;
  streets: string;
  agentIds: string[];
  geometry: TerritoryGeometry | null;
}

const valuesOf = (t: Territory | undefined): Values => ({
  name: t?.name ?? '',
  description: t?.description ?? '',
  postalCodes: t?.postalCodes.join('\n') ?? '',
  streets: t?.streets.join('\n') ?? '',
  agentIds: t ? [...t.agentIds] : [],
  geometry: t?.geometry ?? null,
});

/** `/territories/new` and `/territories/:id/edit` (territories.manage): the territory editor. */
export function TerritoryFormPage({ directory }: { directory: PeopleDirectory }) {
  const { id } = useParams();
  if (!id) return <TerritoryForm directory={directory} />;
  return <EditTerritory id={id} directory={directory} />;
}

function EditTerritory({ id, directory }: { id: string; directory: PeopleDirectory }) {
  const territory = useTerritory(id);
  if (territory.isPending) return <Skeleton className="m-4 h-96" />;
  if (territory.error) return <ErrorAlert error={territory.error} onRetry={() => void territory.refetch()} />;
  return <TerritoryForm territory={territory.data} directory={directory} />;
}

function TerritoryForm({ territory, directory }: { territory?: Territory; directory: PeopleDirectory }) {
  const navigate = useNavigate();
  const create = territoryRecords.useCreate();
  const update = territoryRecords.useUpdate();
  const ownVisits = useTerritoryVisits(territory?.id ?? '', Boolean(territory));
  const recent = useRecentVisits(!territory);
  const visits = (territory ? ownVisits.data : recent.data) ?? [];
  const visitsPending = territory ? ownVisits.isPending : recent.isPending;
  const [shapeInvalid, setShapeInvalid] = useState(false);
  const title = territory ? `Edit ${territory.name}` : 'New territory';
  useDocumentTitle(title);
  // Edits send every field (the create schema checks them) plus the version the form was opened with.
  const form = useZodForm(territoryCreateInput, valuesOf(territory), {
    toInput: (v) => ({
      name: v.name,
      description: v.description.trim() ? v.description : null,
      postalCodes: splitList(v.postalCodes),
      streets: splitList(v.streets),
      agentIds: v.agentIds,
      geometry: v.geometry,
    }),
  });
  const submit = form.handleSubmit(async (input) => {
    if (shapeInvalid) return;
    const saved = territory
      ? await update.mutateAsync({ id: territory.id, ...input, version: territory.version })
      : await create.mutateAsync(input);
    void navigate(`/territories/${saved.id}`);
  });
  const toggleAgent = (userId: string, on: boolean) =>
    form.setValue(
      'agentIds',
      on ? [...form.values.agentIds, userId] : form.values.agentIds.filter((a) => a !== userId),
    );
  const people = directory.people;
  // Agents already assigned whom the directory does not list (left the company, or no members.view).
  const unlisted = form.values.agentIds.filter((a) => !people?.some((p) => p.userId === a));

  return (
    <form className="mx-auto max-w-4xl space-y-4 p-3" onSubmit={submit} noValidate>
      <p>
        <Link
          to={territory ? `/territories/${territory.id}` : '/territories'}
          className="text-sm text-sky-700 underline"
        >
          {territory ? territory.name : 'All territories'}
        </Link>
      </p>
      <h1 className="text-xl font-semibold">{title}</h1>
      {form.formError ? <ErrorAlert error={form.formError} title="The territory was not saved" /> : null}
      <TextField label="Name" required maxLength={120} {...form.field('name')} />
      <TextareaField label="Description" rows={2} maxLength={2000} {...form.field('description')} />
      <fieldset className="space-y-2 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">Agents</legend>
        {form.errors.agentIds ? <p className="text-sm text-red-600">{form.errors.agentIds}</p> : null}
        {directory.isLoading ? <Skeleton className="h-16" /> : null}
        {directory.error ? <ErrorAlert error={directory.error} /> : null}
        {people === undefined && !directory.isLoading ? (
          <p className="text-sm text-zinc-500">
            You may not list the company's members: the {form.values.agentIds.length} assigned agent(s) stay
            as they are.
          </p>
        ) : null}
        {people?.length === 0 ? <p className="text-sm text-zinc-500">No members yet.</p> : null}
        <ul className="grid gap-1 sm:grid-cols-2">
          {people?.map((p) => (
            <li key={p.userId}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={form.values.agentIds.includes(p.userId)}
                  onChange={(e) => toggleAgent(p.userId, e.target.checked)}
                />
                <span>
                  {p.name} <span className="text-zinc-500">{p.email}</span>
                </span>
              </label>
            </li>
          ))}
          {people
            ? unlisted.map((a) => (
                <li key={a}>
                  <label className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-5"
                      checked
                      onChange={() => toggleAgent(a, false)}
                    />
                    <span>Former member {a.slice(0, 8)}</span>
                  </label>
                </li>
              ))
            : null}
        </ul>
      </fieldset>
      {visitsPending && territory ? (
        <Skeleton className="h-64" />
      ) : (
        <ShapeEditor
          geometry={form.values.geometry}
          visits={visits}
          onChange={(g) => form.setValue('geometry', g)}
          onInvalid={setShapeInvalid}
        />
      )}
      {form.errors.geometry ? <p className="text-sm text-red-600">{form.errors.geometry}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextareaField
          label="Postal codes"
          hint="One a line (or separated by commas)."
          rows={4}
          {...form.field('postalCodes')}
        />
        <TextareaField
          label="Streets"
          hint="One a line (or separated by commas)."
          rows={4}
          {...form.field('streets')}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={form.submitting || shapeInvalid}>
          {form.submitting ? 'Saving…' : territory ? 'Save changes' : 'Create territory'}
        </Button>
        <Link
          to={territory ? `/territories/${territory.id}` : '/territories'}
          className="inline-flex items-center px-3 text-sm text-sky-700 underline"
        >
          Cancel
        </Link>
      </div>
      {shapeInvalid ? (
        <p className="text-sm text-red-600">Fix the GeoJSON (or empty it) before saving.</p>
      ) : null}
    </form>
  );
}
