import { profileUpdateInput } from '@tessera/contracts';
import { useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/form-field';
import { useSession } from '../../../hooks/use-me';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useUpdateProfile } from '../api/update-profile';

export function NameCard() {
  const { user } = useSession();
  const [saved, setSaved] = useState(false);
  const { mutateAsync } = useUpdateProfile();
  const form = useZodForm(profileUpdateInput, { name: user.name });
  const onSubmit = form.handleSubmit(async (input) => {
    setSaved(false);
    await mutateAsync(input);
    setSaved(true);
  });
  return (
    <Card aria-labelledby="profile-name-title">
      <CardHeader
        titleId="profile-name-title"
        title="Your name"
        description="Shown to the people you work with."
      />
      <CardBody>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          {form.formError ? <ErrorAlert error={form.formError} /> : null}
          {saved ? <Alert tone="success">Your name has been saved.</Alert> : null}
          <TextField label="Name" autoComplete="name" {...form.field('name')} />
          <Button type="submit" disabled={form.submitting}>
            Save name
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
