import { useQuery } from '@tanstack/react-query';
import { leadSchema } from '@tessera/contracts';
import { Link } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { recordPath } from '../../../lib/records/record-types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Under a new lead's e-mail: when a lead the member can see already has that e-mail (searched with the list's
 * `q`, compared exactly, ignoring case), a warning that offers to open it instead.
 */
export function DuplicateEmailNotice({ email }: { email: string }) {
  const typed = useDebouncedValue(email.trim().toLowerCase(), 400);
  const valid = EMAIL.test(typed);
  const matches = useQuery({
    queryKey: ['leads', 'same-email', typed],
    queryFn: ({ signal }) =>
      api.get(v1('leads'), { query: { q: typed, limit: 5 }, schema: z.array(leadSchema), signal }),
    enabled: valid,
    staleTime: 30_000,
  });
  const existing = valid ? matches.data?.find((lead) => lead.email?.toLowerCase() === typed) : undefined;
  if (!existing) return null;
  return (
    <Alert tone="warning" title="This e-mail is already in use" data-testid="duplicate-email">
      {existing.fullName} already has this e-mail.{' '}
      <Link className="font-medium underline" to={recordPath('lead', existing.id)}>
        Open the existing lead
      </Link>{' '}
      or create this one anyway.
    </Alert>
  );
}
