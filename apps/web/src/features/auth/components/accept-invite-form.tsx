import { type AuthSession, invitationAcceptInput, type Me, PASSWORD_MIN } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useAcceptInvitation } from '../api/accept-invitation';
import type { InvitationLookup } from '../api/lookup-invitation';
import { SubmitButton } from './submit-button';

export interface AcceptInviteFormProps {
  token: string;
  invitation: InvitationLookup;
  /** The signed-in user, if any (`null`: nobody). */
  me: Me | null;
  onAccepted: (session: AuthSession) => unknown;
}

type Mode = 'new-user' | 'signed-in' | 'password';

function modeOf(invitation: InvitationLookup, me: Me | null): Mode {
  if (!invitation.existingUser) return 'new-user';
  return me && me.user.email.toLowerCase() === invitation.email.toLowerCase() ? 'signed-in' : 'password';
}

/** New users choose a name and password; existing users confirm (signed in as the invitee) or give their password. */
export function AcceptInviteForm({ token, invitation, me, onAccepted }: AcceptInviteFormProps) {
  const mode = modeOf(invitation, me);
  const { mutateAsync } = useAcceptInvitation();
  const form = useZodForm(
    invitationAcceptInput,
    { name: '', password: '' },
    {
      toInput: ({ name, password }) =>
        mode === 'new-user'
          ? { token, name, password }
          : mode === 'password'
            ? { token, password }
            : { token },
    },
  );

  const onSubmit = form.handleSubmit(async (input) => {
    await onAccepted(await mutateAsync(input));
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      {form.formError ? (
        <ErrorAlert error={form.formError} title="The invitation could not be accepted" />
      ) : null}
      {mode === 'signed-in' && me ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="invite-signed-in-as">
          You are signed in as <strong>{me.user.email}</strong>. Accept to join {invitation.tenantName}.
        </p>
      ) : null}
      {mode === 'password' ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {invitation.email} already has a Tessera account. Enter its password to accept.
          {me ? ` (You are signed in as ${me.user.email}.)` : ''}
        </p>
      ) : null}
      {mode === 'new-user' ? (
        <>
          <TextField label="Email" type="email" value={invitation.email} readOnly disabled />
          <TextField label="Your name" autoComplete="name" autoFocus {...form.field('name')} />
        </>
      ) : null}
      {mode !== 'signed-in' ? (
        <TextField
          label="Password"
          type="password"
          autoComplete={mode === 'new-user' ? 'new-password' : 'current-password'}
          autoFocus={mode === 'password'}
          hint={mode === 'new-user' ? `At least ${PASSWORD_MIN} characters.` : undefined}
          {...form.field('password')}
        />
      ) : null}
      <SubmitButton pending={form.submitting}>Accept invitation</SubmitButton>
    </form>
  );
}
