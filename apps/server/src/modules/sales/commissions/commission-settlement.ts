import { type CommissionRule, calculateCommission } from '@tessera/contracts';
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { memberRole } from '../../identity/index.ts';
import { products } from '../catalog/catalog.tables.ts';
import { salesDocumentLines, salesDocuments } from '../documents/documents.tables.ts';
import { commissionLines, commissionRules } from './commissions.tables.ts';

type RuleRow = typeof commissionRules.$inferSelect;
interface Invoice {
  id: string;
  kind: string;
  ownerId: string | null;
  totalCents: number;
  paidCents: number;
  creditedCents: number;
}

/** `n × p / q`, half-up, exact for any sizes (BigInt): the part of a line's net amount that is paid. */
export const share = (n: number, p: number, q: number) => {
  if (q <= 0 || p <= 0) return 0;
  const num = BigInt(n) * BigInt(p);
  const den = BigInt(q);
  const sign = num < 0n ? -1n : 1n;
  const abs = num < 0n ? -num : num;
  return Number(sign * ((2n * abs + den) / (2n * den)));
};

/** The first day of this month (UTC), the statement period of a change made now. */
const periodOf = (d: Date) => `${d.toISOString().slice(0, 7)}-01`;

const toRule = (r: RuleRow): CommissionRule => ({
  id: r.id,
  ...(r.userId ? { agentId: r.userId } : {}),
  ...(r.roleId ? { role: r.roleId } : {}),
  categoryId: r.categoryId,
  rateBp: r.rateBp,
  tiers: r.tiers.map((t) => ({ fromMinor: t.fromCents, rateBp: t.rateBp })),
});

/**
 * Brings an invoice's commission lines to what its paid net amount earns now: the invoice's owner earns on each
 * line's net (less its credit notes' lines) × paid ÷ (total − credited) (the one calculation, `calculateCommission`, picks the rule per line and the tier by
 * the owner's volume this month); the difference to what the lines already hold is written as one row per rule —
 * positive when more is paid, negative (at the rate it was earned at) when a payment is deleted or the rule no
 * longer applies. Runs inside the settlement's transaction with the invoice row locked, so concurrent payments of
 * one invoice are serialized and its rows always add up to its current commission; running it twice adds nothing.
 */
export const settleCommissions = async (t: Tx, tenantId: string, invoice: Invoice, reason: string) => {
  if (invoice.kind !== 'invoice' || !invoice.ownerId) return;
  const agentId = invoice.ownerId;
  const existing = await t
    .select({
      ruleId: commissionLines.ruleId,
      base: sql<string>`sum(${commissionLines.baseCents})`,
      amount: sql<string>`sum(${commissionLines.amountCents})`,
    })
    .from(commissionLines)
    .where(and(eq(commissionLines.tenantId, tenantId), eq(commissionLines.invoiceId, invoice.id)))
    .groupBy(commissionLines.ruleId);
  const role = await memberRole(t, tenantId, agentId);
  const earnedBy = existing.map((e) => e.ruleId);
  const rules = await t
    .select()
    .from(commissionRules)
    .where(
      and(
        eq(commissionRules.tenantId, tenantId),
        or(
          // Rules that already earned on this invoice keep applying to it (a later rule change is not retroactive).
          earnedBy.length > 0 ? inArray(commissionRules.id, earnedBy) : undefined,
          and(
            eq(commissionRules.active, true),
            isNull(commissionRules.archivedAt),
            or(eq(commissionRules.userId, agentId), role ? eq(commissionRules.roleId, role.id) : undefined),
          ),
        ),
      ),
    );
  if (rules.length === 0) return;

  // The invoice's lines, less the lines of its credit notes: what the customer owes, by product category.
  const lines = await t
    .select({
      netCents: salesDocumentLines.netCents,
      credit: sql<boolean>`${salesDocuments.kind} = 'credit_note'`,
      categoryId: products.categoryId,
    })
    .from(salesDocumentLines)
    .innerJoin(
      salesDocuments,
      and(
        eq(salesDocuments.tenantId, salesDocumentLines.tenantId),
        eq(salesDocuments.id, salesDocumentLines.documentId),
      ),
    )
    .leftJoin(
      products,
      and(eq(products.tenantId, salesDocumentLines.tenantId), eq(products.id, salesDocumentLines.productId)),
    )
    .where(
      and(
        eq(salesDocumentLines.tenantId, tenantId),
        or(
          eq(salesDocuments.id, invoice.id),
          and(
            eq(salesDocuments.sourceId, invoice.id),
            eq(salesDocuments.kind, 'credit_note'),
            ne(salesDocuments.status, 'void'),
          ),
        ),
      ),
    );
  const owed = invoice.totalCents - invoice.creditedCents;
  const period = periodOf(new Date());
  const [volume] = await t
    .select({ base: sql<string>`coalesce(sum(${commissionLines.baseCents}), 0)` })
    .from(commissionLines)
    .where(
      and(
        eq(commissionLines.tenantId, tenantId),
        eq(commissionLines.userId, agentId),
        eq(commissionLines.period, period),
      ),
    );
  const target = calculateCommission({
    agent: { id: agentId, role: role?.id ?? '' },
    lines: lines.map((l) => ({
      categoryId: l.categoryId,
      netMinor: share(l.credit ? -l.netCents : l.netCents, invoice.paidCents, owed),
    })),
    periodVolumeMinor: Number(volume?.base ?? 0),
    rules: rules.map(toRule),
  });

  const rows: (typeof commissionLines.$inferInsert)[] = [];
  for (const ruleId of new Set([...target.map((l) => l.ruleId), ...earnedBy])) {
    const want = target.find((l) => l.ruleId === ruleId);
    const had = existing.find((e) => e.ruleId === ruleId);
    const hadBase = Number(had?.base ?? 0);
    const hadAmount = Number(had?.amount ?? 0);
    const baseCents = (want?.baseMinor ?? 0) - hadBase;
    if (baseCents === 0) continue;
    // More paid: earned at today's rate. Less: given back at the rate it was earned at.
    const rateBp = baseCents > 0 ? (want?.rateBp ?? 0) : hadBase ? share(hadAmount, 10_000, hadBase) : 0;
    const amountCents =
      baseCents > 0 ? share(baseCents, rateBp, 10_000) : -share(hadAmount, -baseCents, hadBase);
    rows.push({
      tenantId,
      userId: agentId,
      invoiceId: invoice.id,
      ruleId,
      period,
      baseCents,
      rateBp,
      amountCents,
      reason,
    });
  }
  if (rows.length > 0) await t.insert(commissionLines).values(rows);
};
