import type { SalesDocument } from '@tessera/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { listBody, uid } from '../../../test/crm-fixtures';
import { errorResponse, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { DealDocumentsPanel } from './deal-documents-panel';
import { PaymentDialog, SendDialog } from './document-dialogs';

const dealId = uid(9, 1);
const doc = (n: number, kind: 'quote' | 'invoice', status: string, number: string | null): SalesDocument => ({
  id: uid(9, 10 + n),
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  createdBy: null,
  version: 1,
  archivedAt: null,
  kind,
  number,
  status,
  ownerId: null,
  companyId: uid(5, 1),
  contactId: null,
  dealId,
  sourceId: null,
  issueDate: '2026-12-01',
  dueDate: kind === 'quote' ? '2026-12-31' : null,
  currency: 'EUR',
  rounding: 'document',
  discount: null,
  notes: null,
  buyerReference: null,
  customer: { name: 'Atlas', address: null, taxId: null, email: null },
  totalCents: 327_250,
  issuedAt: null,
  sentAt: null,
  paidAt: null,
  voidedAt: null,
  decidedAt: null,
});

describe('Quotes and invoices card of a deal', () => {
  it('lists the deal’s quotes and invoices (asked by dealId) and offers "New quote" for the deal', async () => {
    const api = stubApi({
      'GET /api/v1/quotes': jsonResponse(listBody([doc(1, 'quote', 'invoiced', 'QUO-2026-00001')])),
      'GET /api/v1/invoices': jsonResponse(listBody([doc(2, 'invoice', 'draft', null)])),
    });
    renderWithProviders(<DealDocumentsPanel type="deal" id={dealId} />, { me: makeMe() });
    const list = await screen.findByRole('list', { name: 'Quotes and invoices' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Quote QUO-2026-00001'),
      expect.stringContaining('Invoice (draft)'),
    ]);
    expect(rows[0]?.textContent).toContain('Invoiced');
    expect(rows[0]?.textContent).toContain('3,272.50');
    expect(within(list).getByRole('link', { name: 'Quote QUO-2026-00001' }).getAttribute('href')).toBe(
      `/quotes/${uid(9, 11)}`,
    );
    expect(screen.getByRole('link', { name: 'New quote' }).getAttribute('href')).toBe(
      `/quotes/new?dealId=${dealId}`,
    );
    for (const key of ['GET /api/v1/quotes', 'GET /api/v1/invoices'])
      expect(api.calls(key)[0]?.url.searchParams.get('dealId')).toBe(dealId);
  });

  it('shows the empty state, the error with a retry, and nothing on other records or without permission', async () => {
    let fail = true;
    stubApi({
      'GET /api/v1/quotes': () => (fail ? errorResponse('INTERNAL', 500) : jsonResponse(listBody([]))),
      'GET /api/v1/invoices': jsonResponse(listBody([])),
    });
    const view = renderWithProviders(<DealDocumentsPanel type="deal" id={dealId} />, { me: makeMe() });
    const retry = await screen.findByRole('button', { name: /try again/i }, { timeout: 10_000 });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText(/No quotes yet/)).toBeTruthy();
    view.unmount();

    const company = renderWithProviders(<DealDocumentsPanel type="company" id={dealId} />, { me: makeMe() });
    expect(company.container.textContent).toBe('');
    company.unmount();
    const viewer = renderWithProviders(<DealDocumentsPanel type="deal" id={dealId} />, {
      me: makeMe(['deals.view']),
    });
    expect(viewer.container.textContent).toBe('');
  });
});

describe('Send dialog', () => {
  it('offers the customer’s address even when it arrives after the dialog opened, and keeps what is typed', async () => {
    let sent: object | null = null;
    let arrive: (email: string) => void = () => {};
    function Host() {
      const [email, setEmail] = useState('');
      arrive = setEmail;
      return (
        <SendDialog
          defaultTo={email}
          send={async (body) => {
            sent = body;
          }}
        />
      );
    }
    renderWithProviders(<Host />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const dialog = screen.getByRole('dialog', { name: 'Send by e-mail' });
    const to = within(dialog).getByLabelText('To') as HTMLInputElement;
    expect(to.value).toBe('');
    act(() => arrive('buyer@example.test'));
    await waitFor(() => expect(to.value).toBe('buyer@example.test'));
    fireEvent.change(to, { target: { value: 'a@example.test, b@example.test' } });
    act(() => arrive('late@example.test'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sent).toEqual({ to: ['a@example.test', 'b@example.test'] }));
  });
});

describe('Payment dialog', () => {
  it('starts from the open balance each time it opens, and keeps it while the balance changes', async () => {
    const recorded: object[] = [];
    let setBalance: (cents: number) => void = () => {};
    function Host() {
      const [balance, set] = useState(327_250);
      setBalance = set;
      return (
        <PaymentDialog
          open={balance}
          record={async (body) => {
            recorded.push(body);
          }}
        />
      );
    }
    renderWithProviders(<Host />, { me: makeMe() });
    const openDialog = () => {
      fireEvent.click(screen.getByRole('button', { name: 'Record payment' }));
      return screen.getByRole('dialog', { name: 'Record a payment' });
    };
    let dialog = openDialog();
    const amount = () => within(dialog).getByLabelText('Amount') as HTMLInputElement;
    expect(amount().value).toBe('3272.50');
    fireEvent.change(amount(), { target: { value: '1000' } });
    act(() => setBalance(300_000));
    expect(amount().value).toBe('1000');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(recorded[0]).toMatchObject({ amountCents: 100_000 });
    act(() => setBalance(227_250));
    dialog = openDialog();
    expect(amount().value).toBe('2272.50');
  });
});
