import { CANVASS_STATS_MAX_DAYS, type CanvassCounts, type CanvassStatsQuery } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { useCanvassStats, useTerritories } from '../api/canvassing';

const COLUMNS: readonly { key: keyof CanvassCounts; label: string }[] = [
  { key: 'doors', label: 'Doors' },
  { key: 'contacts', label: 'Contacts' },
  { key: 'appointments', label: 'Appointments' },
  { key: 'sales', label: 'Sales' },
  { key: 'leads', label: 'Leads' },
];

/** A local calendar day as YYYY-MM-DD, `offset` days from today. */
const day = (offset = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const monthStart = () => `${day().slice(0, 8)}01`;
const span = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
const rate = (c: CanvassCounts) => (c.doors ? `${Math.round((c.contacts / c.doors) * 100)} %` : '–');

const th = 'px-2 py-2 text-left font-medium whitespace-nowrap';
const td = 'px-2 py-2 text-right tabular-nums';

function Counts({ c }: { c: CanvassCounts }) {
  return (
    <>
      {COLUMNS.map((col) => (
        <td key={col.key} className={td}>
          {c[col.key]}
        </td>
      ))}
      <td className={td}>{rate(c)}</td>
    </>
  );
}

function CountHeaders() {
  return (
    <>
      {COLUMNS.map((col) => (
        <th key={col.key} scope="col" className={`${th} text-right`}>
          {col.label}
        </th>
      ))}
      <th scope="col" className={`${th} text-right`}>
        Contact rate
      </th>
    </>
  );
}

/**
 * `/canvassing/stats` (visits.view): doors knocked, contacts, appointments, sales and leads per agent and per
 * day for a period, with totals. Managers see every agent (and may pick one); agents see their own.
 */
export function CanvassingStatsPage({ directory }: { directory: PeopleDirectory }) {
  useDocumentTitle('Canvassing stats');
  const manages = usePermission('territories.manage');
  const [period, setPeriod] = useState({ from: day(-6), to: day() });
  const [draft, setDraft] = useState(period);
  const [agentId, setAgentId] = useState('');
  const [territoryId, setTerritoryId] = useState('');
  const territories = useTerritories();
  const query: CanvassStatsQuery = {
    ...period,
    ...(agentId ? { agentId } : {}),
    ...(territoryId ? { territoryId } : {}),
  };
  const stats = useCanvassStats(query);
  const days = span(draft.from, draft.to);
  const draftError =
    !draft.from || !draft.to
      ? 'Pick both days.'
      : days < 1
        ? 'The period ends before it starts.'
        : days > CANVASS_STATS_MAX_DAYS
          ? `At most ${CANVASS_STATS_MAX_DAYS} days.`
          : undefined;
  const quick = (from: string, to: string) => {
    setDraft({ from, to });
    setPeriod({ from, to });
  };
  const name = (id: string) => personName(directory, id);
  const data = stats.data;

  return (
    <div className="mx-auto max-w-5xl space-y-4 p-3">
      <h1 className="text-xl font-semibold">Canvassing stats</h1>
      <form
        className="flex flex-wrap items-end gap-3 rounded-md border p-3"
        aria-label="Period"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draftError) setPeriod(draft);
        }}
      >
        <TextField
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          error={draftError}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
        />
        <Button type="submit" disabled={Boolean(draftError)}>
          Show
        </Button>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="ghost" onClick={() => quick(day(), day())}>
            Today
          </Button>
          <Button size="sm" variant="ghost" onClick={() => quick(day(-6), day())}>
            Last 7 days
          </Button>
          <Button size="sm" variant="ghost" onClick={() => quick(monthStart(), day())}>
            This month
          </Button>
        </div>
        {manages && directory.people ? (
          <SelectField
            label="Agent"
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
            placeholder="All agents"
            options={directory.people.map((p) => ({ value: p.userId, label: p.name }))}
          />
        ) : null}
        {territories.data?.length ? (
          <SelectField
            label="Territory"
            value={territoryId}
            onChange={(e) => setTerritoryId(e.target.value)}
            placeholder="All territories"
            options={territories.data.map((t) => ({ value: t.id, label: t.name }))}
          />
        ) : null}
      </form>

      {stats.isPending ? <Skeleton className="h-48" /> : null}
      {stats.error ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {data ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {formatDate(`${data.from}T12:00:00`)} – {formatDate(`${data.to}T12:00:00`)} · days in{' '}
            {data.timezone}
            {manages ? '' : ' · your own visits'}
          </p>
          <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-5" aria-label="Totals">
            {COLUMNS.map((col) => (
              <div key={col.key} className="rounded-md border p-2">
                <dt className="text-xs text-zinc-500">{col.label}</dt>
                <dd className="text-xl font-semibold" data-testid={`total-${col.key}`}>
                  {data.totals[col.key]}
                </dd>
              </div>
            ))}
          </dl>
          {data.agents.length === 0 ? (
            <p className="rounded-md border border-dashed p-6 text-center text-sm text-zinc-500">
              No visits in this period.
            </p>
          ) : (
            <>
              <section className="space-y-2">
                <h2 className="font-medium">Per agent</h2>
                <div className="overflow-x-auto rounded-md border">
                  <table
                    className="w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-700"
                    data-testid="stats-agents"
                  >
                    <thead className="bg-zinc-50 dark:bg-zinc-900">
                      <tr>
                        <th scope="col" className={th}>
                          Agent
                        </th>
                        <CountHeaders />
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-200 dark:divide-zinc-700">
                      {data.agents.map((a) => (
                        <tr key={a.agentId}>
                          <th scope="row" className={`${th} font-normal`}>
                            {name(a.agentId)}
                          </th>
                          <Counts c={a} />
                        </tr>
                      ))}
                    </tbody>
                    <tfoot className="border-t font-semibold">
                      <tr>
                        <th scope="row" className={th}>
                          Total
                        </th>
                        <Counts c={data.totals} />
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </section>
              <section className="space-y-2">
                <h2 className="font-medium">Per day</h2>
                <div className="overflow-x-auto rounded-md border">
                  <table
                    className="w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-700"
                    data-testid="stats-days"
                  >
                    <thead className="bg-zinc-50 dark:bg-zinc-900">
                      <tr>
                        <th scope="col" className={th}>
                          Day
                        </th>
                        <th scope="col" className={th}>
                          Agent
                        </th>
                        <CountHeaders />
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-200 dark:divide-zinc-700">
                      {[...data.days]
                        .sort(
                          (a, b) =>
                            b.date.localeCompare(a.date) || name(a.agentId).localeCompare(name(b.agentId)),
                        )
                        .map((d) => (
                          <tr key={`${d.date}-${d.agentId}`}>
                            <td className="px-2 py-2 whitespace-nowrap">
                              {formatDate(`${d.date}T12:00:00`)}
                            </td>
                            <td className="px-2 py-2 whitespace-nowrap">{name(d.agentId)}</td>
                            <Counts c={d} />
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
