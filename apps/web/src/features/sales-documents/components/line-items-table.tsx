import type { CalcResult, Product, TaxRate } from '@tessera/contracts';
import type { Dispatch, SetStateAction } from 'react';
import { Button } from '../../../components/ui/button';
import { Card, CardBody } from '../../../components/ui/card';
import { Input, Select } from '../../../components/ui/input';
import { formatMoney } from '../../../lib/records/money';
import { type LineDraft, newLine, withProduct } from './line-items';

/**
 * The line-item table of the document editors (quotes, invoices, recurring templates): product picker, free
 * text, keyboard entry (Enter on the last row adds one) and the live totals of the shared calculation.
 */
export function LineItemsTable({
  lines,
  setLines,
  catalog,
  totals,
  currency,
}: {
  lines: LineDraft[];
  setLines: Dispatch<SetStateAction<LineDraft[]>>;
  catalog: { products: Product[]; rates: TaxRate[] };
  totals: CalcResult;
  currency: string;
}) {
  const change = (key: string, patch: Partial<LineDraft>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  return (
    <Card>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] text-sm">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="p-2">Product</th>
              <th className="p-2">Description</th>
              <th className="p-2 w-20">Qty</th>
              <th className="p-2 w-16">Unit</th>
              <th className="p-2 w-28">Unit price</th>
              <th className="p-2 w-20">Disc. %</th>
              <th className="p-2 w-36">Tax</th>
              <th className="p-2 w-28 text-right">Total</th>
              <th className="p-2 w-10" />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.key} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="p-1">
                  <Select
                    aria-label={`Product of line ${i + 1}`}
                    value={l.productId}
                    onChange={(e) =>
                      change(
                        l.key,
                        withProduct(
                          l,
                          catalog.products.find((p) => p.id === e.target.value),
                        ),
                      )
                    }
                  >
                    <option value="">Free text</option>
                    {catalog.products.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.sku} · {p.name}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="p-1">
                  <Input
                    aria-label={`Description of line ${i + 1}`}
                    value={l.description}
                    onChange={(e) => change(l.key, { description: e.target.value })}
                  />
                </td>
                <td className="p-1">
                  <Input
                    aria-label={`Quantity of line ${i + 1}`}
                    inputMode="decimal"
                    value={l.quantity}
                    onChange={(e) => change(l.key, { quantity: e.target.value })}
                  />
                </td>
                <td className="p-1">
                  <Input
                    aria-label={`Unit of line ${i + 1}`}
                    value={l.unit}
                    onChange={(e) => change(l.key, { unit: e.target.value })}
                  />
                </td>
                <td className="p-1">
                  <Input
                    aria-label={`Unit price of line ${i + 1}`}
                    inputMode="decimal"
                    value={l.unitPrice}
                    onChange={(e) => change(l.key, { unitPrice: e.target.value })}
                  />
                </td>
                <td className="p-1">
                  <Input
                    aria-label={`Discount of line ${i + 1}`}
                    inputMode="decimal"
                    value={l.discountPercent}
                    onChange={(e) => change(l.key, { discountPercent: e.target.value })}
                    onKeyDown={(e) => {
                      // Enter on the last row's last field adds a row (keyboard entry).
                      if (e.key === 'Enter' && i === lines.length - 1) {
                        e.preventDefault();
                        setLines((all) => [...all, newLine()]);
                      }
                    }}
                  />
                </td>
                <td className="p-1">
                  <Select
                    aria-label={`Tax rate of line ${i + 1}`}
                    value={l.taxRateId}
                    onChange={(e) => change(l.key, { taxRateId: e.target.value })}
                  >
                    <option value="">Default</option>
                    {catalog.rates.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name} ({r.rateBp / 100} %)
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="p-2 text-right tabular-nums">
                  {formatMoney(totals.lines[i]?.totalMinor, currency)}
                </td>
                <td className="p-1">
                  <Button
                    variant="ghost"
                    aria-label={`Remove line ${i + 1}`}
                    onClick={() =>
                      setLines((all) => (all.length > 1 ? all.filter((x) => x.key !== l.key) : [newLine()]))
                    }
                  >
                    ×
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CardBody className="flex flex-col gap-4 sm:flex-row sm:justify-between">
        <Button variant="secondary" onClick={() => setLines((all) => [...all, newLine()])}>
          Add line
        </Button>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm tabular-nums" aria-label="Totals">
          <dt className="text-zinc-500">Subtotal</dt>
          <dd className="text-right">{formatMoney(totals.subtotalMinor, currency)}</dd>
          {totals.documentDiscountMinor > 0 ? (
            <>
              <dt className="text-zinc-500">Discount</dt>
              <dd className="text-right">−{formatMoney(totals.documentDiscountMinor, currency)}</dd>
            </>
          ) : null}
          {totals.taxBreakdown.map((t) => (
            <div key={t.taxRateBp} className="contents">
              <dt className="text-zinc-500">Tax {t.taxRateBp / 100} %</dt>
              <dd className="text-right">{formatMoney(t.taxMinor, currency)}</dd>
            </div>
          ))}
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold" data-testid="document-total">
            {formatMoney(totals.totalMinor, currency)}
          </dd>
        </dl>
      </CardBody>
    </Card>
  );
}
