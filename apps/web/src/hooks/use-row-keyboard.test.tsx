import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable } from '../components/ui/data-table';
import { useRowKeyboard } from './use-row-keyboard';

const PEOPLE = ['Ada', 'Grace', 'Linus'];

function Harness({ onOpen }: { onOpen: (index: number, row: HTMLElement) => void }) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const keyboard = useRowKeyboard({
    count: PEOPLE.length,
    onOpen,
    onToggle: (index) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(index)) next.delete(index);
        else next.add(index);
        return next;
      }),
  });
  return (
    <DataTable
      label="People"
      rows={PEOPLE}
      rowKey={(name) => name}
      keyboard={keyboard}
      isRowHighlighted={(name) => selected.has(PEOPLE.indexOf(name))}
      columns={[
        { key: 'name', header: 'Name', cell: (name) => <a href={`/people/${name}`}>{name}</a> },
        {
          key: 'pick',
          header: 'Pick',
          cell: (name) => <input type="checkbox" aria-label={`Pick ${name}`} />,
        },
      ]}
    />
  );
}

const row = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('useRowKeyboard (data grid rows)', () => {
  it('puts one row in the Tab order and moves focus with ↑ ↓ Home End, staying inside the rows', () => {
    render(<Harness onOpen={vi.fn()} />);
    expect(PEOPLE.map((n) => row(n).tabIndex)).toEqual([0, -1, -1]);
    row('Ada').focus();
    fireEvent.keyDown(row('Ada'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Grace'));
    expect(PEOPLE.map((n) => row(n).tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(row('Grace'), { key: 'ArrowDown' });
    fireEvent.keyDown(row('Linus'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Linus'));
    fireEvent.keyDown(row('Linus'), { key: 'Home' });
    expect(document.activeElement).toBe(row('Ada'));
    fireEvent.keyDown(row('Ada'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(row('Ada'));
    fireEvent.keyDown(row('Ada'), { key: 'End' });
    expect(document.activeElement).toBe(row('Linus'));
  });

  it('Enter opens the focused row; Space toggles its selection', () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} />);
    row('Grace').focus();
    fireEvent.keyDown(row('Grace'), { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(1, row('Grace'));
    expect(row('Grace').className).not.toContain('bg-indigo-50/60');
    fireEvent.keyDown(row('Grace'), { key: ' ' });
    expect(row('Grace').className).toContain('bg-indigo-50/60');
    fireEvent.keyDown(row('Grace'), { key: ' ' });
    expect(row('Grace').className).not.toContain('bg-indigo-50/60');
  });

  it("leaves keys pressed on a row's own controls to them, and ignores modified keys", () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} />);
    const box = screen.getByRole('checkbox', { name: 'Pick Ada' });
    box.focus();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(document.activeElement).toBe(box);
    expect(onOpen).not.toHaveBeenCalled();
    row('Ada').focus();
    fireEvent.keyDown(row('Ada'), { key: 'ArrowDown', ctrlKey: true });
    expect(document.activeElement).toBe(row('Ada'));
  });
});
