import { PASSWORD_MIN, passwordChangeInput } from '@tessera/contracts';
import { useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useChangePassword } from '../api/change-password';

export function PasswordCard() {
  const [changed, setChanged] = useState(false);
  const { mutateAsync } = useChangePassword();
  const form = useZodForm(passwordChangeInput, { currentPassword: '', newPassword: '' });
  const onSubmit = form.handleSubmit(async (input) => {
    setChanged(false);
    await mutateAsync(input);
    form.reset();
    setChanged(true);
  });
  return (
    <Card aria-labelledby="profile-password-title">
      <CardHeader
        titleId="profile-password-title"
        title="Password"
        description="Use a long password you use nowhere else."
      />
      <CardBody>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {form.formError ? <ErrorAlert error={form.formError} title="The password was not changed" /> : null}
          {changed ? <Alert tone="success">Your password has been changed.</Alert> : null}
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            {...form.field('currentPassword')}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters.`}
            {...form.field('newPassword')}
          />
          <Button type="submit" disabled={form.submitting}>
            Change password
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
