import type { CommissionRuleDto } from '@tessera/contracts';
import { type FormEvent, useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { FormField, SelectField, TextField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { commissionRuleRecords } from '../api/commissions';
import { type RuleFormErrors, type RuleFormValues, ruleFormToInput, ruleToForm } from '../rule-form';

export interface Option {
  id: string;
  name: string;
}

const MAX_TIERS = 10;

/** Create or edit a commission rule: agent or role (fixed once created), rate in percent, category, tiers. */
export function CommissionRuleDialog({
  rule,
  open,
  onClose,
  agents,
  roles,
  categories,
}: {
  /** The rule to edit; undefined: a new rule. */
  rule?: CommissionRuleDto;
  open: boolean;
  onClose: () => void;
  agents: readonly Option[];
  roles: readonly Option[];
  categories: readonly Option[];
}) {
  const [values, setValues] = useState<RuleFormValues>(() => ruleToForm(rule));
  const [errors, setErrors] = useState<RuleFormErrors>({});
  const create = commissionRuleRecords.useCreate();
  const update = commissionRuleRecords.useUpdate();
  const mutation = rule ? update : create;
  const set = (patch: Partial<RuleFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setTier = (index: number, patch: Partial<RuleFormValues['tiers'][number]>) =>
    set({ tiers: values.tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)) });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ruleFormToInput(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    const { userId: _u, roleId: _r, ...changes } = parsed.input;
    try {
      if (rule) await update.mutateAsync({ id: rule.id, version: rule.version, ...changes });
      else await create.mutateAsync(parsed.input);
      onClose();
    } catch {
      // Shown below by MutationError.
    }
  };

  const targetOptions = (values.target === 'user' ? agents : roles).map((o) => ({
    value: o.id,
    label: o.name,
  }));
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={rule ? 'Edit commission rule' : 'New commission rule'}
      description="The agent earns this percentage of the paid net amount of their invoices."
      size="lg"
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <MutationError error={mutation.error} onReload={onClose} what="This rule" />
        <TextField
          label="Name"
          value={values.name}
          error={errors.name}
          autoFocus
          maxLength={200}
          onChange={(e) => set({ name: e.target.value })}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Applies to</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {(
              [
                ['user', 'One agent'],
                ['role', 'Every member of a role'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="target"
                  value={value}
                  checked={values.target === value}
                  disabled={Boolean(rule)}
                  onChange={() => set({ target: value })}
                />
                {label}
              </label>
            ))}
          </div>
          <SelectField
            label={values.target === 'user' ? 'Agent' : 'Role'}
            value={values.target === 'user' ? values.userId : values.roleId}
            options={targetOptions}
            placeholder={values.target === 'user' ? 'Choose an agent…' : 'Choose a role…'}
            error={errors.target}
            disabled={Boolean(rule)}
            hint={
              rule ? 'A rule keeps its agent or role; archive it and create another to change it.' : undefined
            }
            onChange={(e) =>
              set(values.target === 'user' ? { userId: e.target.value } : { roleId: e.target.value })
            }
          />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Rate (%)"
            inputMode="decimal"
            placeholder="5"
            value={values.rate}
            error={errors.rate}
            hint="Of the paid net amount, e.g. 2.5"
            onChange={(e) => set({ rate: e.target.value })}
          />
          <SelectField
            label="Product category"
            value={values.categoryId}
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="All categories"
            hint="Only lines of this category"
            onChange={(e) => set({ categoryId: e.target.value })}
          />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Tiers</legend>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            From this monthly volume of the agent’s paid net sales on, a different rate applies. Thresholds go
            up.
          </p>
          {values.tiers.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              No tiers: the rate above always applies.
            </p>
          ) : (
            <ol className="space-y-2" aria-label="Tiers">
              {values.tiers.map((tier, index) => {
                const problem = errors.tiers?.[index];
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                  <li key={index} className="grid grid-cols-[minmax(0,1fr)_6rem_auto] items-start gap-2">
                    <FormField
                      label={
                        <>
                          <span className="sr-only">Tier {index + 1} </span>From volume
                        </>
                      }
                      error={problem?.from}
                    >
                      {(control) => (
                        <Input
                          {...control}
                          inputMode="decimal"
                          placeholder="10000"
                          value={tier.from}
                          onChange={(e) => setTier(index, { from: e.target.value })}
                        />
                      )}
                    </FormField>
                    <FormField
                      label={
                        <>
                          <span className="sr-only">Tier {index + 1} </span>Rate (%)
                        </>
                      }
                      error={problem?.rate}
                    >
                      {(control) => (
                        <Input
                          {...control}
                          inputMode="decimal"
                          placeholder="6"
                          value={tier.rate}
                          onChange={(e) => setTier(index, { rate: e.target.value })}
                        />
                      )}
                    </FormField>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="mt-7"
                      aria-label={`Remove tier ${index + 1}`}
                      onClick={() => set({ tiers: values.tiers.filter((_, i) => i !== index) })}
                    >
                      Remove
                    </Button>
                  </li>
                );
              })}
            </ol>
          )}
          {values.tiers.length < MAX_TIERS ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => set({ tiers: [...values.tiers, { from: '', rate: '' }] })}
            >
              Add tier
            </Button>
          ) : null}
        </fieldset>
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
