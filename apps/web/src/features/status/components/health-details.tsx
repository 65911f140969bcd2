import type { Health } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { formatDuration } from '../../../lib/format';
import { HealthBadge } from './health-badge';

const dbKindLabels: Record<Health['dbKind'], string> = {
  pglite: 'PGlite (embedded)',
  postgres: 'PostgreSQL',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-3 sm:grid-cols-4">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="col-span-2 flex flex-wrap items-center gap-2 text-sm text-zinc-900 sm:col-span-3 dark:text-zinc-100">
        {children}
      </dd>
    </div>
  );
}

export function HealthDetails({ health }: { health: Health }) {
  const { migrations } = health;
  const migrationsComplete = migrations.applied >= migrations.expected;
  return (
    <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
      <Row label="Status">
        <HealthBadge value={health.status} testId="health-status" />
      </Row>
      <Row label="Database">
        <HealthBadge value={health.db} testId="health-db" />
        <span data-testid="health-db-kind" className="text-zinc-600 dark:text-zinc-400">
          {dbKindLabels[health.dbKind]}
        </span>
      </Row>
      <Row label="Background jobs">
        <HealthBadge value={health.jobs} testId="health-jobs" />
      </Row>
      <Row label="Version">
        <span data-testid="health-version" className="font-mono">
          {health.version}
        </span>
      </Row>
      <Row label="Uptime">
        <span data-testid="health-uptime" title={`${Math.floor(health.uptime)} seconds`}>
          {formatDuration(health.uptime)}
        </span>
      </Row>
      <Row label="Migrations">
        <span data-testid="health-migrations">
          {migrations.applied} / {migrations.expected} applied
        </span>
        {migrationsComplete ? null : <span className="text-amber-700 dark:text-amber-300">(pending)</span>}
        {migrations.latest ? (
          <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
            latest: {migrations.latest}
          </span>
        ) : null}
      </Row>
    </dl>
  );
}
