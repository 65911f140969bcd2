import { PAYMENT_METHODS } from '@tessera/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { CheckboxField, Input, Select, Textarea } from '../../../components/ui/input';
import { parseMoneyToCents } from '../../../lib/records/money';

/** A button that opens a small form dialog; `submit` returns the request (errors show in the dialog). */
export function ActionDialog({
  label,
  title,
  submitLabel,
  variant = 'secondary',
  children,
  submit,
  onOpen,
}: {
  label: string;
  title: string;
  submitLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children?: ReactNode;
  submit: () => Promise<unknown>;
  /** Called each time the dialog opens (a form starts from the current values). */
  onOpen?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submit();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={variant}
        onClick={() => {
          onOpen?.();
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <form onSubmit={onSubmit} className="space-y-3">
          {error ? <ErrorAlert error={error} /> : null}
          {children}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant={variant === 'danger' ? 'danger' : 'primary'} disabled={busy}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </Dialog>
    </>
  );
}

/** "Send": recipients and a message; the e-mail and the status change happen together on the server. */
export function SendDialog({
  defaultTo,
  send,
  label = 'Send',
}: {
  defaultTo: string;
  send: (input: object) => Promise<unknown>;
  /** "Send again" once it was sent (a copy; the status stays). */
  label?: string;
}) {
  // Untouched, "To" is the customer's address — also when it arrives while the dialog is open.
  const [typed, setTyped] = useState<string | null>(null);
  const to = typed ?? defaultTo;
  const [message, setMessage] = useState('');
  return (
    <ActionDialog
      label={label}
      title="Send by e-mail"
      submitLabel="Send"
      variant="primary"
      onOpen={() => setTyped(null)}
      submit={() =>
        send({
          to: to
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          ...(message.trim() ? { message: message.trim() } : {}),
        })
      }
    >
      <FormField label="To" hint="Separate several addresses with commas">
        {(p) => <Input {...p} type="text" value={to} onChange={(e) => setTyped(e.target.value)} autoFocus />}
      </FormField>
      <FormField label="Message">
        {(p) => <Textarea {...p} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />}
      </FormField>
    </ActionDialog>
  );
}

/** "Record payment": amount (at most the open balance, the server checks), date, method, reference. */
export function PaymentDialog({
  open,
  record,
}: {
  open: number;
  record: (input: object) => Promise<unknown>;
}) {
  // Each time it opens, the amount starts at the open balance of that moment (a snapshot: a value changing
  // under the cursor would mix with what is being typed).
  const [amount, setAmount] = useState((open / 100).toFixed(2));
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [method, setMethod] = useState('bank_transfer');
  const [reference, setReference] = useState('');
  return (
    <ActionDialog
      label="Record payment"
      title="Record a payment"
      submitLabel="Record payment"
      variant="primary"
      onOpen={() => setAmount((open / 100).toFixed(2))}
      submit={() =>
        record({
          amountCents: parseMoneyToCents(amount),
          paidOn,
          method,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
        })
      }
    >
      <FormField label="Amount">
        {(p) => (
          <Input
            {...p}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            autoFocus
          />
        )}
      </FormField>
      <FormField label="Date">
        {(p) => <Input {...p} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />}
      </FormField>
      <FormField label="Method">
        {(p) => (
          <Select {...p} value={method} onChange={(e) => setMethod(e.target.value)}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {m.replace('_', ' ')}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField label="Reference">
        {(p) => <Input {...p} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </FormField>
    </ActionDialog>
  );
}

/**
 * "Convert to invoice" of an accepted quote: a draft invoice with the quote's lines; a quote made for a deal
 * can mark the deal won at the same time (ticked by default when the member may change deals).
 */
export function ConvertDialog({
  hasDeal,
  canWinDeal,
  convert,
}: {
  hasDeal: boolean;
  canWinDeal: boolean;
  convert: (input: { markDealWon: boolean }) => Promise<unknown>;
}) {
  const offerWin = hasDeal && canWinDeal;
  const [markDealWon, setMarkDealWon] = useState(offerWin);
  return (
    <ActionDialog
      label="Convert to invoice"
      title="Create the invoice?"
      submitLabel="Create invoice"
      variant="primary"
      submit={() => convert({ markDealWon: offerWin && markDealWon })}
    >
      <p className="text-sm">A draft invoice with the same lines; you issue and send it from its page.</p>
      {offerWin ? (
        <CheckboxField
          label="Mark the deal as won"
          checked={markDealWon}
          onChange={(e) => setMarkDealWon(e.target.checked)}
        />
      ) : null}
    </ActionDialog>
  );
}
