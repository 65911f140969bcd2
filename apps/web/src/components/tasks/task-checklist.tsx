import type { Task } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Checkbox, Input } from '../ui/input';
import { Spinner } from '../ui/spinner';

type Item = Task['checklist'][number];
/** Saves the whole checklist with the version it was read at; resolves with the task as saved. */
export type SaveChecklist = (checklist: Item[], version: number) => Promise<Task>;

const MAX_ITEMS = 100;
const MAX_TEXT = 300;

/**
 * A task's checklist. Read-only without `onSave`; with it: add an item, tick / untick, rename, remove — each
 * change shown at once and saved with the task's version (a change made meanwhile elsewhere is a 409, shown; the board
 * reloads the task).
 */
export function TaskChecklist({ task, onSave }: { task: Task; onSave?: SaveChecklist }) {
  // The task as last saved here, until the list it came from has reloaded it.
  const [saved, setSaved] = useState<Task | null>(null);
  const current = saved && saved.id === task.id && saved.version > task.version ? saved : task;
  // The list being saved shows at once (a ticked box stays ticked); a refused save puts the saved one back.
  const [pending, setPending] = useState<Item[] | null>(null);
  const items = pending ?? current.checklist;
  const [adding, setAdding] = useState('');
  const [renaming, setRenaming] = useState<{ index: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const done = items.filter((item) => item.done).length;

  const save = async (next: Item[]) => {
    if (!onSave) return false;
    setBusy(true);
    setError(null);
    setPending(next);
    try {
      setSaved(await onSave(next, current.version));
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setPending(null);
      setBusy(false);
    }
  };
  const addText = adding.trim();
  const renameText = renaming?.text.trim() ?? '';

  return (
    <section aria-label="Checklist">
      <h3 className="mb-1 text-sm font-semibold">
        Checklist{' '}
        {items.length ? (
          <span className="font-normal text-zinc-500 tabular-nums">
            {done} of {items.length} done
          </span>
        ) : null}
      </h3>
      {items.length ? (
        <ul className="space-y-1 text-sm">
          {items.map((item, index) =>
            renaming?.index === index ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: checklist items have no id and keep their order
              <li key={index}>
                <form
                  noValidate
                  aria-label={`Rename ${item.text}`}
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (!renameText || renameText.length > MAX_TEXT) return;
                    const next = items.map((it, i) => (i === index ? { ...it, text: renameText } : it));
                    void save(next).then((ok) => ok && setRenaming(null));
                  }}
                >
                  <Input
                    aria-label="Item text"
                    className="h-9 min-w-0 flex-1"
                    value={renaming.text}
                    maxLength={MAX_TEXT}
                    autoFocus
                    onChange={(event) => setRenaming({ index, text: event.target.value })}
                  />
                  <Button type="submit" size="sm" disabled={busy || !renameText}>
                    Save
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setRenaming(null)}>
                    Cancel
                  </Button>
                </form>
              </li>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: checklist items have no id and keep their order
              <li key={index} className="flex items-start gap-2">
                {onSave ? (
                  <Checkbox
                    className="mt-0.5"
                    aria-label={`Done: ${item.text}`}
                    checked={item.done}
                    disabled={busy}
                    onChange={(event) =>
                      void save(
                        items.map((it, i) => (i === index ? { ...it, done: event.target.checked } : it)),
                      )
                    }
                  />
                ) : (
                  <span aria-hidden="true">{item.done ? '☑' : '☐'}</span>
                )}
                <span
                  className={`min-w-0 flex-1 [overflow-wrap:anywhere] ${item.done ? 'text-zinc-500 line-through' : ''}`}
                >
                  {item.text}
                  {onSave ? null : <span className="sr-only">{item.done ? ' (done)' : ' (not done)'}</span>}
                </span>
                {onSave ? (
                  <span className="flex shrink-0 gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Rename ${item.text}`}
                      disabled={busy}
                      onClick={() => setRenaming({ index, text: item.text })}
                    >
                      Rename
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove ${item.text}`}
                      disabled={busy}
                      onClick={() => void save(items.filter((_, i) => i !== index))}
                    >
                      Remove
                    </Button>
                  </span>
                ) : null}
              </li>
            ),
          )}
        </ul>
      ) : (
        <p className="text-sm text-zinc-500">No checklist.</p>
      )}
      {onSave && items.length < MAX_ITEMS ? (
        <form
          noValidate
          aria-label="Add a checklist item"
          className="mt-2 flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!addText || addText.length > MAX_TEXT) return;
            // The box is emptied at once (the next item can be typed while this one saves); refused, it comes back.
            const text = addText;
            setAdding('');
            void save([...items, { text, done: false }]).then(
              (ok) => ok || setAdding((typed) => typed || text),
            );
          }}
        >
          <Input
            aria-label="New checklist item"
            placeholder="Add an item…"
            className="h-9 min-w-0 flex-1"
            value={adding}
            maxLength={MAX_TEXT}
            onChange={(event) => setAdding(event.target.value)}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={busy || !addText}>
            {busy ? <Spinner /> : null}
            Add
          </Button>
        </form>
      ) : null}
      {error ? <ErrorAlert error={error} title="Checklist not saved" className="mt-2" /> : null}
    </section>
  );
}
