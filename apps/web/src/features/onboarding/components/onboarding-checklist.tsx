import type { OnboardingStep } from '@tessera/contracts';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { focusRing } from '../../../components/ui/focus-ring';
import { CheckIcon } from '../../../components/ui/icons';
import { usePermission } from '../../../hooks/use-permission';
import { cn } from '../../../lib/cn';
import { showToast } from '../../../stores/toast-store';
import { useOnboarding, useUpdateOnboarding } from '../api/onboarding';

function StepRow({ step }: { step: OnboardingStep }) {
  return (
    <li>
      <Link
        to={step.href}
        className={cn(
          'flex items-start gap-3 rounded-lg border border-zinc-200 p-3 transition-colors hover:border-indigo-300 hover:bg-indigo-50/50 dark:border-zinc-800 dark:hover:border-indigo-500/40 dark:hover:bg-indigo-500/5',
          focusRing,
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border',
            step.done
              ? 'border-emerald-600 bg-emerald-600 text-white'
              : 'border-zinc-300 dark:border-zinc-600',
          )}
        >
          {step.done ? <CheckIcon className="size-3.5" /> : null}
        </span>
        <span className="min-w-0">
          <span
            className={cn(
              'block text-sm font-medium',
              step.done
                ? 'text-zinc-500 line-through dark:text-zinc-400'
                : 'text-zinc-900 dark:text-zinc-100',
            )}
          >
            {step.label}
            <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>
          </span>
          <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{step.description}</span>
        </span>
      </Link>
    </li>
  );
}

/**
 * "Get started": the first-run checklist for the members who set the company up (`settings.manage`). Hidden
 * once every step is done or the member dismissed it; nothing shows while it loads.
 */
export function OnboardingChecklist() {
  const canManage = usePermission('settings.manage');
  const onboarding = useOnboarding(canManage);
  const update = useUpdateOnboarding();
  if (!canManage || onboarding.isPending) return null;
  if (onboarding.error)
    return (
      <ErrorAlert
        error={onboarding.error}
        title="Could not load the getting-started checklist"
        onRetry={() => void onboarding.refetch()}
      />
    );
  const { steps, dismissed } = onboarding.data;
  const done = steps.filter((s) => s.done).length;
  if (dismissed || steps.length === 0 || done === steps.length) return null;
  const dismiss = () =>
    update.mutate(
      { dismissed: true },
      { onError: () => showToast('Could not hide the checklist. Try again.', 'danger') },
    );
  return (
    <Card aria-labelledby="onboarding-title" data-testid="onboarding-checklist">
      <CardHeader
        titleId="onboarding-title"
        title="Get started"
        description={`${done} of ${steps.length} done — a few steps to set your company up.`}
        actions={
          <Button variant="ghost" size="sm" onClick={dismiss} disabled={update.isPending}>
            Dismiss
          </Button>
        }
      />
      <CardBody>
        <div
          role="progressbar"
          aria-label="Getting started progress"
          aria-valuemin={0}
          aria-valuemax={steps.length}
          aria-valuenow={done}
          className="mb-4 h-1.5 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
        >
          <div className="h-full bg-emerald-600" style={{ width: `${(done / steps.length) * 100}%` }} />
        </div>
        <ul className="grid gap-3 sm:grid-cols-2">
          {steps.map((step) => (
            <StepRow key={step.id} step={step} />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
