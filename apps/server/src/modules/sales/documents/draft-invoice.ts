import { documentCreateInput } from '@tessera/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { taxRates } from '../catalog/catalog.tables.ts';
import { createDraft } from './documents.service.ts';

/** What another module hands over for a draft invoice: the create-invoice body of the API. */
export type DraftInvoiceInput = z.input<typeof documentCreateInput>;

/**
 * The sales module's public way for other modules to make a draft invoice in their own transaction (work: billable
 * time). The input is validated like `POST /invoices`; references, lines and totals as there; audited. Needs
 * `invoices.manage`. A validation failure throws the Zod error (callers build their input themselves).
 */
export const createDraftInvoice = async (
  tx: Tx,
  ctx: AuthedContext,
  input: DraftInvoiceInput,
): Promise<{ id: string; totalCents: number; netCents: number; currency: string }> => {
  kit.requirePermission(ctx, 'invoices.manage');
  const row = await createDraft(tx, ctx, 'invoice', documentCreateInput.parse(input));
  return { id: row.id, totalCents: row.totalCents, netCents: row.netCents, currency: row.currency };
};

/**
 * The tenant's tax rates in use (not archived) that a draft invoice line can name as `taxRateId`: for callers that
 * carry a recorded tax amount onto a line (work: billable expenses).
 */
export const draftTaxRates = (
  tx: Tx,
  ctx: AuthedContext,
): Promise<{ id: string; rateBp: number; inclusive: boolean; isDefault: boolean }[]> =>
  tx
    .select({
      id: taxRates.id,
      rateBp: taxRates.rateBp,
      inclusive: taxRates.inclusive,
      isDefault: taxRates.isDefault,
    })
    .from(taxRates)
    .where(and(eq(taxRates.tenantId, ctx.tenantId), isNull(taxRates.archivedAt)));
