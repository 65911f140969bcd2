import type { Health } from '@tessera/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

type HealthValue = Health['status'] | Health['db'] | Health['jobs'];

const tones: Record<HealthValue, BadgeTone> = {
  ok: 'success',
  connected: 'success',
  running: 'success',
  starting: 'neutral',
  degraded: 'warning',
  stopped: 'warning',
  disabled: 'neutral',
  disconnected: 'danger',
};

/** Coloured badge for a health value; its text is exactly the value (e2e tests read it). */
export function HealthBadge({ value, testId }: { value: HealthValue; testId?: string }) {
  return (
    <Badge tone={tones[value]} data-testid={testId}>
      {value}
    </Badge>
  );
}
