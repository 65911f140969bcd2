import type { Lead, SavedView } from '@tessera/contracts';
import { useState } from 'react';
import type { RecordList } from '../../../components/records/record-list-view';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/form-field';
import { ChevronDownIcon } from '../../../components/ui/icons';
import { Menu, type MenuItem } from '../../../components/ui/menu';
import { fromApiQuery, type ListState, toApiQuery, toListSearch } from '../../../lib/records/list-query';
import { useDeleteSavedView } from '../api/delete-saved-view';
import { useSavedViews } from '../api/list-saved-views';
import { useSaveView } from '../api/save-view';

const ENTITY = 'leads' as const;

/** "Views": switch to a saved view, save the current filters + columns, delete the current view. */
export function SavedViewsMenu({ list }: { list: RecordList<Lead> }) {
  const views = useSavedViews(ENTITY);
  const save = useSaveView();
  const remove = useDeleteSavedView();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  // No /saved-views on this server (404) or still loading: no control at all.
  if (!views.data) return null;

  const { search, visible, setVisible, config } = list;
  const normal = (state: ListState) =>
    toListSearch({ ...state, sort: state.sort === config.defaultSort ? undefined : state.sort }).toString();
  const stateOf = (view: SavedView): ListState => {
    const state = fromApiQuery(view.query, config.specs);
    return { ...state, sort: state.sort ?? config.defaultSort };
  };
  const current = views.data.find((view) => normal(stateOf(view)) === normal(search.state));

  const items: MenuItem[] = [
    ...views.data.map((view) => ({
      key: view.id,
      label: view.name,
      checked: view.id === current?.id,
      onSelect: () => {
        search.setState(stateOf(view));
        if (view.columns.length > 0) setVisible(view.columns);
      },
    })),
    { key: '__save', label: 'Save current view…', onSelect: () => setNaming(true) },
    ...(current
      ? [{ key: '__delete', label: `Delete “${current.name}”`, onSelect: () => remove.mutate(current.id) }]
      : []),
  ];

  return (
    <>
      <Menu
        label="Saved views"
        align="end"
        triggerClassName="border border-zinc-300 dark:border-zinc-700"
        trigger={
          <>
            {current ? current.name : 'Views'}
            <ChevronDownIcon className="size-4" />
          </>
        }
        items={items}
      />
      <Dialog open={naming} onClose={() => setNaming(false)} title="Save view" size="sm">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            save.mutate(
              {
                entity: ENTITY,
                name: name.trim(),
                query: toApiQuery(search.state, config.specs),
                columns: [...visible],
              },
              {
                onSuccess: () => {
                  setNaming(false);
                  setName('');
                },
              },
            );
          }}
          className="space-y-4"
        >
          {save.error ? <ErrorAlert error={save.error} title="The view was not saved" /> : null}
          <TextField
            label="View name"
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={() => setNaming(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending || !name.trim()}>
              Save view
            </Button>
          </DialogFooter>
        </form>
      </Dialog>
    </>
  );
}
