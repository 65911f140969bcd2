import { invitationCreateInput } from '@tessera/contracts';
import { useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useCreateInvitation } from '../api/create-invitation';
import type { RoleOption } from './role-option';

export interface InviteMemberDialogProps {
  open: boolean;
  onClose: () => void;
  roleOptions: readonly RoleOption[];
}

/** "Invite member": e-mail + role; the server e-mails the link. */
export function InviteMemberDialog({ open, onClose, roleOptions }: InviteMemberDialogProps) {
  const { mutateAsync } = useCreateInvitation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(invitationCreateInput, { email: '', roleId: '' });

  const close = () => {
    form.reset();
    setSentTo(null);
    onClose();
  };
  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    setSentTo(input.email);
    form.reset({ email: '', roleId: input.roleId });
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Invite member"
      description="We will e-mail them a link to join."
      data-testid="invite-dialog"
    >
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        {sentTo ? (
          <Alert tone="success">Invitation sent to {sentTo}. You can invite someone else.</Alert>
        ) : null}
        {form.formError ? <ErrorAlert error={form.formError} title="The invitation was not sent" /> : null}
        <TextField label="Email" type="email" autoComplete="off" autoFocus {...form.field('email')} />
        <SelectField
          label="Role"
          placeholder="Choose a role…"
          options={roleOptions.map((role) => ({ value: role.id, label: role.name }))}
          {...form.field('roleId')}
        />
        <DialogFooter>
          <Button variant="secondary" onClick={close}>
            {sentTo ? 'Done' : 'Cancel'}
          </Button>
          <Button type="submit" disabled={form.submitting}>
            Send invitation
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
