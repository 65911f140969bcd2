import type {
  DocumentKind,
  documentCreateInput,
  documentUpdateInput,
  SalesDocument,
} from '@tessera/contracts';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { salesRuleViolation } from './document-errors.ts';
import {
  calculate,
  discountColumns,
  discountOfColumns,
  lineRows,
  resolveLines,
  totalsColumns,
} from './document-lines.ts';
import { DOCUMENT_DEFS, type DocumentRow, documentListSpec, linesOf, toDocument } from './document-record.ts';
import { salesDocumentLines, salesDocuments } from './documents.tables.ts';

type CreateInput = z.output<typeof documentCreateInput>;
type UpdateInput = z.output<typeof documentUpdateInput>;

const today = () => new Date().toISOString().slice(0, 10);
const { searchText: _s, ...listColumns } = getTableColumns(salesDocuments);

/** A document of the kind the caller may see (record scope), with its lines, or 404. */
export const loadDocument = async (
  t: Tx,
  ctx: AuthedContext,
  kind: DocumentKind,
  id: string,
  lock = false,
) => {
  const row = await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[kind], id, lock);
  return { row, lines: await linesOf(t, ctx.tenantId, id) };
};

/** Resolves and calculates a draft's lines; `store` then replaces the stored lines with them. */
export const priceLines = async (
  t: Tx,
  ctx: AuthedContext,
  doc: Pick<DocumentRow, 'discountKind' | 'discountValue' | 'rounding'>,
  inputs: NonNullable<CreateInput['lines']>,
) => {
  const resolved = await resolveLines(t, ctx, inputs);
  const result = calculate(resolved, discountOfColumns(doc.discountKind, doc.discountValue), doc.rounding);
  return {
    totals: totalsColumns(result),
    store: async (documentId: string) => {
      await t
        .delete(salesDocumentLines)
        .where(
          and(eq(salesDocumentLines.tenantId, ctx.tenantId), eq(salesDocumentLines.documentId, documentId)),
        );
      const rows = lineRows(ctx.tenantId, documentId, resolved, result);
      if (rows.length) await t.insert(salesDocumentLines).values(rows);
    },
  };
};

/** The stored lines recalculated (a draft's discount or rounding changed, its lines did not). */
const repriceStored = async (t: Tx, ctx: AuthedContext, doc: DocumentRow) => {
  const stored = await linesOf(t, ctx.tenantId, doc.id);
  const result = calculate(stored, discountOfColumns(doc.discountKind, doc.discountValue), doc.rounding);
  return {
    totals: totalsColumns(result),
    store: async () => {
      for (const [i, l] of stored.entries()) {
        const c = result.lines[i];
        if (!c) continue;
        await t
          .update(salesDocumentLines)
          .set({
            discountCents: c.discountMinor,
            netCents: c.netMinor,
            taxCents: c.taxMinor,
            totalCents: c.totalMinor,
          })
          .where(eq(salesDocumentLines.id, l.id));
      }
    },
  };
};

/** The columns a create or update sets from its input (not the lines). */
const documentValues = (input: Omit<CreateInput, 'lines'>) => {
  const { customer, discount, ...rest } = input;
  return {
    ...rest,
    ...(discount !== undefined ? discountColumns(discount) : {}),
    ...(customer
      ? {
          customerName: customer.name ?? null,
          customerAddress: customer.address ?? null,
          customerTaxId: customer.taxId ?? null,
          customerEmail: customer.email ?? null,
        }
      : {}),
  };
};

const references = (t: Tx, ctx: AuthedContext, input: Partial<CreateInput>) =>
  kit.assertReferences(t, ctx, {
    companyId: input.companyId,
    contactId: input.contactId,
    dealId: input.dealId,
    ownerId: input.ownerId,
  });

/**
 * Creates a draft in the caller's transaction: references checked, lines resolved and priced by the shared
 * calculation, audited. Recurring templates make their invoices with it too.
 */
export const createDraft = async (
  t: Tx,
  ctx: AuthedContext,
  kind: DocumentKind,
  input: CreateInput,
): Promise<DocumentRow> => {
  const { lines = [], ...fields } = input;
  await references(t, ctx, fields);
  const settings = await settingsOf(t, ctx.tenantId);
  const values = {
    id: newId(),
    kind,
    status: 'draft',
    ownerId: ctx.userId,
    issueDate: today(),
    currency: settings.currency,
    rounding: settings.rounding,
    ...documentValues(fields),
  };
  const priced = await priceLines(t, ctx, values as unknown as DocumentRow, lines);
  const row = await kit
    .insertRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[kind], { ...values, ...priced.totals })
    .catch(salesRuleViolation);
  await priced.store(row.id);
  return row;
};

/** The use cases every document kind shares (list, get, create and change drafts, archive, delete drafts). */
export const documentService = (kind: DocumentKind) => {
  const def = DOCUMENT_DEFS[kind];
  const dto = (ctx: AuthedContext) => toDocument(ctx.auth);
  return {
    list: (ctx: AuthedContext, query: unknown) =>
      kit.inTenant(ctx, async (t) => {
        const q = query as kit.ListRequest & Parameters<typeof documentListSpec>[2];
        const { rows, pagination } = await kit.runList<DocumentRow>(
          t,
          documentListSpec(ctx, kind, q),
          ctx.tenantId,
          q,
          listColumns,
        );
        return { items: rows.map((r) => dto(ctx)(r)), pagination };
      }),
    get: (ctx: AuthedContext, id: string): Promise<SalesDocument> =>
      kit.inTenant(ctx, async (t) => {
        const { row, lines } = await loadDocument(t, ctx, kind, id);
        return dto(ctx)(row, lines);
      }),
    create: (ctx: AuthedContext, input: unknown): Promise<SalesDocument> =>
      kit.inTenant(ctx, async (t) => {
        const row = await createDraft(t, ctx, kind, input as CreateInput);
        return dto(ctx)(row, await linesOf(t, ctx.tenantId, row.id));
      }),
    update: (ctx: AuthedContext, id: string, input: unknown): Promise<SalesDocument> =>
      kit.inTenant(ctx, async (t) => {
        const { version, lines, ...fields } = input as UpdateInput;
        const current = await kit.findRecord<DocumentRow>(t, ctx, def, id, true);
        if (current.version !== version) throw kit.conflict(def.label, dto(ctx)(current));
        if (current.status !== 'draft')
          throw new AppError(
            'CONFLICT',
            `This ${def.label.toLowerCase()} is no longer a draft: it cannot be changed`,
          );
        await references(t, ctx, fields);
        const values = documentValues(fields);
        const merged = { ...current, ...values } as DocumentRow;
        const priced = lines ? await priceLines(t, ctx, merged, lines) : await repriceStored(t, ctx, merged);
        const { after } = await kit
          .updateRecord<DocumentRow>(t, ctx, def, {
            id,
            version,
            patch: { ...values, ...priced.totals },
            toDto: dto(ctx),
          })
          .catch(salesRuleViolation);
        await priced.store(id);
        return dto(ctx)(after, await linesOf(t, ctx.tenantId, id));
      }),
    archive: (ctx: AuthedContext, id: string, change: kit.ArchiveChange): Promise<SalesDocument> =>
      kit.inTenant(ctx, async (t) => {
        const { archived, version } = change;
        const { after } = await kit.setArchived<DocumentRow>(t, ctx, def, {
          id,
          archived,
          version,
          toDto: dto(ctx),
        });
        return dto(ctx)(after);
      }),
    remove: (ctx: AuthedContext, id: string) =>
      kit.inTenant(ctx, async (t) => {
        const current = await kit.findRecord<DocumentRow>(t, ctx, def, id, true);
        if (current.status !== 'draft')
          throw new AppError(
            'CONFLICT',
            `Only drafts can be deleted; void this ${def.label.toLowerCase()} instead`,
          );
        await kit.deleteRecord(t, ctx, def, id).catch(salesRuleViolation);
      }),
  };
};
