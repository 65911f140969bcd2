import type { Task } from '@tessera/contracts';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TaskChecklist } from './task-checklist';

const task: Task = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  version: 3,
  archivedAt: null,
  title: 'Pull cables',
  description: null,
  dueAt: null,
  priority: 'normal',
  status: 'open',
  assigneeId: null,
  related: null,
  completedAt: null,
  milestoneId: null,
  estimateHours: null,
  checklist: [
    { text: 'Order cable', done: true },
    { text: 'Book electrician', done: false },
  ],
};

/** Saves like the API: the checklist replaced, the version one up. */
const fakeSave = () =>
  vi.fn(async (checklist: Task['checklist'], version: number) => ({
    ...task,
    checklist,
    version: version + 1,
  }));

describe('task checklist', () => {
  it('is read-only without onSave', () => {
    render(<TaskChecklist task={task} />);
    expect(screen.getByText('1 of 2 done')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByLabelText('New checklist item')).toBeNull();
  });

  it('adds, ticks, renames and removes items, each saved with the latest version', async () => {
    const save = fakeSave();
    render(<TaskChecklist task={task} onSave={save} />);

    fireEvent.change(screen.getByLabelText('New checklist item'), {
      target: { value: '  Test the circuit ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getByText('Test the circuit')).toBeTruthy());
    expect(save).toHaveBeenLastCalledWith([...task.checklist, { text: 'Test the circuit', done: false }], 3);
    expect((screen.getByLabelText('New checklist item') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('1 of 3 done')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Done: Book electrician' }));
    await waitFor(() => expect(screen.getByText('2 of 3 done')).toBeTruthy());
    expect(save.mock.calls[1]?.[1]).toBe(4);
    expect(save.mock.calls[1]?.[0][1]).toEqual({ text: 'Book electrician', done: true });

    fireEvent.click(screen.getByRole('button', { name: 'Rename Order cable' }));
    const form = screen.getByRole('form', { name: 'Rename Order cable' });
    fireEvent.change(within(form).getByLabelText('Item text'), { target: { value: 'Order 250 m of cable' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Order 250 m of cable')).toBeTruthy());
    expect(save.mock.calls[2]?.[1]).toBe(5);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Test the circuit' }));
    await waitFor(() => expect(screen.queryByText('Test the circuit')).toBeNull());
    expect(save).toHaveBeenLastCalledWith(
      [
        { text: 'Order 250 m of cable', done: true },
        { text: 'Book electrician', done: true },
      ],
      6,
    );
    expect(screen.getByText('2 of 2 done')).toBeTruthy();
  });

  it('shows a change at once and puts it back when the save is refused (stale version)', async () => {
    let refuse: (error: Error) => void = () => {};
    const save = vi.fn(
      () =>
        new Promise<Task>((_, reject) => {
          refuse = reject;
        }),
    );
    render(<TaskChecklist task={task} onSave={save} />);
    const box = screen.getByRole('checkbox', { name: 'Done: Book electrician' }) as HTMLInputElement;
    fireEvent.click(box);
    expect(box.checked).toBe(true);
    expect(screen.getByText('2 of 2 done')).toBeTruthy();
    expect(save).toHaveBeenCalledWith(
      [
        { text: 'Order cable', done: true },
        { text: 'Book electrician', done: true },
      ],
      3,
    );
    await act(async () => refuse(new Error('This task was changed meanwhile')));
    expect(await screen.findByText('This task was changed meanwhile')).toBeTruthy();
    expect(
      (screen.getByRole('checkbox', { name: 'Done: Book electrician' }) as HTMLInputElement).checked,
    ).toBe(false);
    expect(screen.getByText('1 of 2 done')).toBeTruthy();
    // A blank item is not sent.
    fireEvent.change(screen.getByLabelText('New checklist item'), { target: { value: '   ' } });
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
