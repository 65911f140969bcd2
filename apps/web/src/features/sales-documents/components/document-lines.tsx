import type { SalesDocument } from '@tessera/contracts';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { formatMoney } from '../../../lib/records/money';

/** A document's lines (one block per line on a phone, a table on wider screens) and its totals. */
export function DocumentLinesCard({ doc }: { doc: SalesDocument }) {
  const money = (cents: number | undefined) => formatMoney(cents, doc.currency);
  return (
    <Card>
      <CardHeader title="Lines" />
      {/* A phone gets one block per line; wider screens the table. */}
      <ul className="divide-y divide-zinc-100 text-sm sm:hidden dark:divide-zinc-800" aria-label="Lines">
        {(doc.lines ?? []).map((l) => (
          <li key={l.id} className="flex items-start justify-between gap-3 px-5 py-3">
            <div className="min-w-0">
              <p className="[overflow-wrap:anywhere]">{l.description}</p>
              {l.sku ? (
                <p className="font-mono text-xs text-zinc-500 [overflow-wrap:anywhere]">{l.sku}</p>
              ) : null}
              <p className="text-xs text-zinc-500 tabular-nums">
                {l.quantity} {l.unit ?? ''} × {money(l.unitPriceCents)} · tax {l.taxRateBp / 100} %
              </p>
            </div>
            <span className="shrink-0 tabular-nums">{money(l.totalCents)}</span>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[560px] text-sm">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="p-2">Description</th>
              <th className="p-2 text-right">Qty</th>
              <th className="p-2 text-right">Unit price</th>
              <th className="p-2 text-right">Tax</th>
              <th className="p-2 text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {(doc.lines ?? []).map((l) => (
              <tr key={l.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="p-2">
                  {l.description}
                  {l.sku ? <span className="ml-2 font-mono text-xs text-zinc-500">{l.sku}</span> : null}
                </td>
                <td className="p-2 text-right tabular-nums">
                  {l.quantity} {l.unit ?? ''}
                </td>
                <td className="p-2 text-right tabular-nums">{money(l.unitPriceCents)}</td>
                <td className="p-2 text-right tabular-nums">{l.taxRateBp / 100} %</td>
                <td className="p-2 text-right tabular-nums">{money(l.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CardBody>
        <dl className="ml-auto grid max-w-xs grid-cols-2 gap-y-1 text-sm tabular-nums">
          <dt className="text-zinc-500">Net</dt>
          <dd className="text-right">{money(doc.netCents)}</dd>
          {(doc.taxBreakdown ?? []).map((t) => (
            <div key={t.taxRateBp} className="contents">
              <dt className="text-zinc-500">Tax {t.taxRateBp / 100} %</dt>
              <dd className="text-right">{money(t.taxMinor)}</dd>
            </div>
          ))}
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold">{money(doc.totalCents)}</dd>
          {(doc.creditedCents ?? 0) > 0 ? (
            <>
              <dt className="text-zinc-500">Credited</dt>
              <dd className="text-right">−{money(doc.creditedCents)}</dd>
            </>
          ) : null}
        </dl>
      </CardBody>
    </Card>
  );
}
