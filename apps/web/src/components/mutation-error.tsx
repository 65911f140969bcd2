import { isApiClientError } from '../lib/api-error';
import { Alert, ErrorAlert } from './ui/alert';
import { Button } from './ui/button';

/** A failed change; a 409 (stale `version`) gets "changed by someone else" with a Reload button. */
export function MutationError({
  error,
  onReload,
  what,
}: {
  error: unknown;
  onReload: () => void;
  what: string;
}) {
  if (!error) return null;
  if (isApiClientError(error) && error.code === 'CONFLICT') {
    return (
      <Alert
        tone="warning"
        title={`${what} was changed by someone else`}
        action={
          <Button variant="secondary" size="sm" onClick={onReload}>
            Reload
          </Button>
        }
        data-testid="conflict-alert"
      >
        Your change was not saved. Reload to see the latest version, then try again.
      </Alert>
    );
  }
  return <ErrorAlert error={error} title="The change was not saved" />;
}
