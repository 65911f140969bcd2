import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextareaField } from '../../../components/ui/form-field';
import { Spinner } from '../../../components/ui/spinner';

/** "Reject" with a required reason (a week or an expense); the reason goes back to the member. */
export function RejectDialog({
  open,
  what,
  onClose,
  onReject,
}: {
  open: boolean;
  what: string;
  onClose: () => void;
  onReject: (reason: string) => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const blank = reason.trim() === '';
  return (
    <Dialog open={open} onClose={onClose} title={`Reject ${what}`} size="sm">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (blank) return;
          setPending(true);
          setError(null);
          onReject(reason.trim())
            .then(() => setReason(''))
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        {error ? <ErrorAlert error={error} title="Not rejected" /> : null}
        <TextareaField
          label="Reason"
          hint="The member sees it and corrects the entries."
          rows={3}
          autoFocus
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={blank || pending}>
            {pending ? <Spinner /> : null}
            Reject
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
