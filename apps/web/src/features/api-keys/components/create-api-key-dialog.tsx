import { apiKeyCreateInput, type Permission } from '@tessera/contracts';
import { PermissionMatrix } from '../../../components/permission-matrix';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/form-field';
import { usePermissions } from '../../../hooks/use-permission';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useCreateApiKey } from '../api/create-api-key';
import { ApiKeyCreated } from './api-key-created';

/** `YYYY-MM-DD` (local) → end of that day as an ISO date-time; empty → no expiry. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T23:59:59`);
  return Number.isNaN(value.getTime()) ? date : value.toISOString();
}

/** "Create API key": name, optional expiry, permissions; then the key, shown once. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const held = usePermissions();
  const create = useCreateApiKey();
  const form = useZodForm(
    apiKeyCreateInput,
    { name: '', expiresAt: '', permissions: [] as Permission[] },
    { toInput: (values) => ({ ...values, expiresAt: endOfDay(values.expiresAt) }) },
  );
  const close = () => {
    // Forget the secret: once closed it can never be shown again.
    create.reset();
    form.reset();
    onClose();
  };
  const onSubmit = form.handleSubmit(async (input) => {
    await create.mutateAsync(input);
  });

  return (
    <Dialog open={open} onClose={close} title={create.data ? 'API key created' : 'Create API key'} size="xl">
      {create.data ? (
        <>
          <ApiKeyCreated apiKey={create.data} />
          <DialogFooter>
            <Button onClick={close}>Done</Button>
          </DialogFooter>
        </>
      ) : (
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {form.formError ? <ErrorAlert error={form.formError} title="The key was not created" /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Name" placeholder="e.g. Website lead form" autoFocus {...form.field('name')} />
            <TextField
              label="Expires on"
              type="date"
              hint="Leave empty for a key that does not expire."
              {...form.field('expiresAt')}
            />
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Permissions</h3>
            {form.errors.permissions ? (
              <p className="text-xs font-medium text-red-600 dark:text-red-400">{form.errors.permissions}</p>
            ) : null}
            <PermissionMatrix
              label="Permissions of the new key"
              value={form.values.permissions}
              onChange={(next) => form.setValue('permissions', next)}
              grantable={held}
            />
          </div>
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={form.submitting}>
              Create key
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
