import type { Permission } from '@tessera/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PermissionMatrix, type Scopes } from './permission-matrix';

function Harness({
  initial,
  grantable,
  onChange,
  onScopes,
}: {
  initial: Permission[];
  grantable?: ReadonlySet<Permission>;
  onChange: (next: Permission[]) => void;
  onScopes?: (next: Scopes) => void;
}) {
  const [value, setValue] = useState(initial);
  const [scopes, setScopes] = useState<Scopes>({ leads: 'own' });
  return (
    <PermissionMatrix
      label="Permissions"
      value={value}
      grantable={grantable}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
      scopes={scopes}
      onScopesChange={(next) => {
        setScopes(next);
        onScopes?.(next);
      }}
    />
  );
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('permission matrix', () => {
  it('has a row per resource and a column per action', () => {
    render(<Harness initial={[]} onChange={() => {}} />);
    expect(screen.getByRole('rowheader', { name: /Leads/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'view' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'dispatch' })).toBeTruthy();
    // Only existing permissions get a checkbox: leads have no "manage", pipelines only "manage".
    expect(screen.queryByRole('checkbox', { name: 'Leads: manage' })).toBeNull();
    expect(box('Pipelines: manage')).toBeTruthy();
  });

  it('ticking and unticking cells produces the permission list in catalog order', () => {
    const onChange = vi.fn();
    render(<Harness initial={['deals.view']} onChange={onChange} />);
    fireEvent.click(box('Leads: create'));
    expect(onChange).toHaveBeenLastCalledWith(['leads.create', 'deals.view']);
    fireEvent.click(box('Leads: view'));
    expect(onChange).toHaveBeenLastCalledWith(['leads.view', 'leads.create', 'deals.view']);
    fireEvent.click(box('Deals: view'));
    expect(onChange).toHaveBeenLastCalledWith(['leads.view', 'leads.create']);
    expect(box('Leads: view').checked).toBe(true);
  });

  it('a row checkbox toggles every action of the resource', () => {
    const onChange = vi.fn();
    render(<Harness initial={['leads.view']} onChange={onChange} />);
    fireEvent.click(box('All Leads permissions'));
    expect(onChange).toHaveBeenLastCalledWith([
      'leads.view',
      'leads.create',
      'leads.update',
      'leads.delete',
      'leads.import',
      'leads.export',
    ]);
    expect(box('All Leads permissions').checked).toBe(true);
    fireEvent.click(box('All Leads permissions'));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('cannot grant what the user does not hold', () => {
    const onChange = vi.fn();
    render(<Harness initial={[]} grantable={new Set<Permission>(['leads.view'])} onChange={onChange} />);
    expect(box('Leads: create').disabled).toBe(true);
    fireEvent.click(box('All Leads permissions'));
    expect(onChange).toHaveBeenLastCalledWith(['leads.view']);
  });

  it('sets the record scope of scoped resources', () => {
    const onScopes = vi.fn();
    render(<Harness initial={[]} onChange={() => {}} onScopes={onScopes} />);
    const leads = screen.getByRole('combobox', { name: 'Leads record scope' }) as HTMLSelectElement;
    expect(leads.value).toBe('own');
    expect((screen.getByRole('combobox', { name: 'Deals record scope' }) as HTMLSelectElement).value).toBe(
      'all',
    );
    expect(screen.queryByRole('combobox', { name: 'Members record scope' })).toBeNull();
    fireEvent.change(leads, { target: { value: 'team' } });
    expect(onScopes).toHaveBeenLastCalledWith({ leads: 'team' });
  });
});
