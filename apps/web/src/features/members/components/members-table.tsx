import type { UseQueryResult } from '@tanstack/react-query';
import type { Member } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { TableSection } from '../../../components/table-section';
import { Badge } from '../../../components/ui/badge';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import type { Column } from '../../../components/ui/data-table';
import { Select } from '../../../components/ui/input';
import { useSession } from '../../../hooks/use-me';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMember } from '../api/update-member';
import { MemberActions } from './member-actions';
import type { RoleOption } from './role-option';

export interface MembersTableProps {
  query: UseQueryResult<Member[]>;
  /** Known roles: the role becomes a select (with `members.manage`). */
  roleOptions: readonly RoleOption[] | undefined;
  canManage: boolean;
  /** Buttons next to the heading ("Import CSV", "Invite member"). */
  actions?: ReactNode;
}

/** The "Members" section: name, e-mail, role (a select with `members.manage`), status and actions. */
export function MembersTable({ query, roleOptions, canManage, actions }: MembersTableProps) {
  const { user } = useSession();
  const update = useUpdateMember();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<Member | null>(null);
  const busy = (member: Member) => update.isPending && update.variables?.id === member.id;

  const roleCell = (member: Member) => {
    const self = member.userId === user.id;
    if (!canManage || !roleOptions || self) return member.roleName;
    const options = roleOptions.some((role) => role.id === member.roleId)
      ? roleOptions
      : [{ id: member.roleId, name: member.roleName }, ...roleOptions];
    return (
      <Select
        aria-label={`Role of ${member.name}`}
        className="h-8 w-28 min-w-28 sm:w-44"
        value={member.roleId}
        disabled={busy(member)}
        onChange={(event) =>
          update.mutate({ id: member.id, roleId: event.target.value, version: member.version })
        }
      >
        {options.map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </Select>
    );
  };

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (member) => (
        <span className="block min-w-0">
          <span className="flex items-center gap-2 font-medium text-zinc-900 dark:text-zinc-100">
            {member.name}
            {member.userId === user.id ? <Badge tone="info">You</Badge> : null}
            {member.status === 'active' ? null : <Badge className="md:hidden">Disabled</Badge>}
          </span>
          {/* On a phone the e-mail goes under the name (its own column is hidden), so nothing scrolls sideways. */}
          <span className="block break-all text-xs text-zinc-500 sm:hidden dark:text-zinc-400">
            {member.email}
          </span>
        </span>
      ),
    },
    {
      key: 'email',
      header: 'Email',
      className: 'hidden sm:table-cell',
      cell: (member) => member.email,
    },
    { key: 'role', header: 'Role', cell: roleCell },
    {
      key: 'status',
      header: 'Status',
      className: 'hidden md:table-cell',
      cell: (member) => (
        <Badge tone={member.status === 'active' ? 'success' : 'neutral'}>
          {member.status === 'active' ? 'Active' : 'Disabled'}
        </Badge>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (member) =>
        member.userId === user.id ? null : (
          <MemberActions
            member={member}
            busy={busy(member)}
            onToggleStatus={() =>
              update.mutate({
                id: member.id,
                status: member.status === 'active' ? 'disabled' : 'active',
                version: member.version,
              })
            }
            onRemove={() => setRemoving(member)}
          />
        ),
    });
  }

  return (
    <TableSection
      label="Members"
      description="Everyone who can sign in to this company, with their role."
      actions={actions}
      notice={<MutationError error={update.error} onReload={() => void query.refetch()} what="The member" />}
      testId="members-table"
      columns={columns}
      query={query}
      rows={query.data}
      rowKey={(member) => member.id}
      empty="No members yet. Invite your team to get started."
    >
      <ConfirmDialog
        open={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={`Remove ${removing?.name ?? 'member'}?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {removing?.email} will lose access to this company. Their records stay. You can invite them again
        later.
      </ConfirmDialog>
    </TableSection>
  );
}
