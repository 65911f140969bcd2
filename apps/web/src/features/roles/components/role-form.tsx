import { type Permission, type Role, roleCreateInput } from '@tessera/contracts';
import { useNavigate } from 'react-router';
import { MutationError } from '../../../components/mutation-error';
import { PermissionMatrix, type Scopes } from '../../../components/permission-matrix';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { usePermissions } from '../../../hooks/use-permission';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useCreateRole } from '../api/create-role';
import { useUpdateRole } from '../api/update-role';
import { DeleteRoleButton } from './delete-role-button';

export interface RoleFormProps {
  /** The role to edit; `undefined` creates a new one. */
  role: Role | undefined;
  readOnly: boolean;
  /** Loads the latest version of the role (after a 409). */
  onReload: () => void;
  /** After a successful save of an existing role. */
  onSaved: () => void;
}

/** Name, description, the permission matrix and record scopes. System roles keep their name. */
export function RoleForm({ role, readOnly, onReload, onSaved }: RoleFormProps) {
  const navigate = useNavigate();
  const held = usePermissions();
  const create = useCreateRole();
  const update = useUpdateRole();
  const form = useZodForm(roleCreateInput, {
    name: role?.name ?? '',
    description: role?.description ?? '',
    permissions: (role?.permissions ?? []) as Permission[],
    scopes: (role?.scopes ?? {}) as Scopes,
  });

  const onSubmit = form.handleSubmit(async (input) => {
    if (!role) {
      await create.mutateAsync(input);
      await navigate('/settings/roles');
      return;
    }
    const { name, ...rest } = input;
    await update.mutateAsync({
      id: role.id,
      ...rest,
      ...(role.isSystem ? {} : { name }),
      version: role.version,
    });
    onSaved();
  });

  const title = role ? role.name : 'New role';
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6">
      <PageHeader
        headingLevel={2}
        title={title}
        description={
          role?.isSystem ? 'A system role: its name is fixed, its permissions can be adjusted.' : undefined
        }
        actions={
          <>
            {role?.isSystem ? <Badge>System</Badge> : null}
            {role && !role.isSystem && !readOnly ? <DeleteRoleButton role={role} /> : null}
          </>
        }
      />
      {readOnly ? (
        <Alert tone="info">You can view this role. Changing roles needs the roles.manage permission.</Alert>
      ) : null}
      <MutationError error={form.formError} what="This role" onReload={onReload} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Name"
          disabled={readOnly || role?.isSystem}
          hint={role?.isSystem ? 'System roles cannot be renamed.' : undefined}
          {...form.field('name')}
        />
        <TextareaField label="Description" rows={2} disabled={readOnly} {...form.field('description')} />
      </div>
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Permissions</h3>
        {!readOnly ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            You can only grant permissions you hold yourself. “Records” limits scoped resources to the
            member’s own records, their team’s, or all.
          </p>
        ) : null}
        {form.errors.permissions ? <ErrorAlert error={new Error(form.errors.permissions)} /> : null}
        <PermissionMatrix
          label={`Permissions of ${title}`}
          value={form.values.permissions}
          onChange={(next) => form.setValue('permissions', next)}
          scopes={form.values.scopes}
          onScopesChange={(next) => form.setValue('scopes', next)}
          grantable={held}
          readOnly={readOnly}
        />
      </div>
      {readOnly ? null : (
        <div className="flex gap-2">
          <Button type="submit" disabled={form.submitting}>
            {role ? 'Save role' : 'Create role'}
          </Button>
          <Button variant="secondary" onClick={() => void navigate('/settings/roles')}>
            Cancel
          </Button>
        </div>
      )}
    </form>
  );
}
