import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { uid } from '../../../test/crm-fixtures';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { DeliveryNotesCard } from './delivery-notes-card';

const invoiceId = uid(8, 1);
const lineId = uid(8, 2);
const note = (status: 'delivered' | 'cancelled') => ({
  id: uid(8, 3),
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  createdBy: null,
  version: status === 'delivered' ? 1 : 2,
  archivedAt: null,
  number: 'DN-2026-00001',
  sourceId: invoiceId,
  sourceKind: 'invoice',
  sourceNumber: 'INV-2026-00001',
  deliveredOn: '2026-12-01',
  notes: null,
  customerName: 'Atlas',
  status,
  cancelledAt: status === 'cancelled' ? '2026-12-02T09:00:00.000Z' : null,
  cancelledBy: null,
  cancelReason: status === 'cancelled' ? 'Wrong quantity' : null,
  lines: [
    {
      id: uid(8, 4),
      sourceLineId: lineId,
      position: 1,
      sku: null,
      description: 'Panel',
      unit: 'pcs',
      quantity: '5',
    },
  ],
});

describe('Deliveries card', () => {
  it('cancels a note with a reason; the cancelled note is shown with it and its quantity is open again', async () => {
    let cancelled = false;
    const api = stubApi({
      [`GET /api/v1/invoices/${invoiceId}/delivery-notes`]: () =>
        envelope({
          lines: [
            {
              lineId,
              position: 1,
              description: 'Panel',
              unit: 'pcs',
              ordered: '5',
              delivered: cancelled ? '0' : '5',
              remaining: cancelled ? '5' : '0',
            },
          ],
          notes: [note(cancelled ? 'cancelled' : 'delivered')],
        }),
      [`POST /api/v1/delivery-notes/${uid(8, 3)}/cancel`]: () => {
        cancelled = true;
        return envelope(note('cancelled'));
      },
    });
    renderWithProviders(<DeliveryNotesCard kind="invoices" id={invoiceId} status="issued" />, {
      me: makeMe(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel note' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel delivery note DN-2026-00001' });
    fireEvent.change(within(dialog).getByLabelText('Reason for cancelling'), {
      target: { value: ' Wrong quantity ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel delivery note' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(screen.getByText(/Wrong quantity/)).toBeTruthy();
    expect(api.calls(`POST /api/v1/delivery-notes/${uid(8, 3)}/cancel`)[0]?.body).toEqual({
      reason: 'Wrong quantity',
      version: 1,
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel note' })).toBeNull());
    // Open again: a corrected note can be made.
    expect(screen.getByRole('button', { name: 'Delivery note' })).toBeTruthy();
  });
});
