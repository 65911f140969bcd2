import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';

/** Downloads the codes as a text file (made in the browser). */
function downloadCodes(codes: readonly string[]) {
  const text = `Tessera recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'tessera-recovery-codes.txt';
  a.click();
  URL.revokeObjectURL(url);
}

/** New recovery codes, shown this once: copy, download, then "Done" hides them for good. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <Alert tone="warning" title="Save your recovery codes now">
        If you lose your phone, sign in with one of these codes instead of the 6-digit code. Each code works
        once. They are shown only now — we keep only a scrambled copy.
      </Alert>
      <ol className="grid grid-cols-2 gap-2 rounded-md bg-zinc-100 p-3 font-mono text-sm text-zinc-900 sm:grid-cols-5 dark:bg-zinc-800 dark:text-zinc-100">
        {codes.map((code) => (
          <li key={code} className="select-all">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <CopyButton value={codes.join('\n')} aria-label="Copy the recovery codes" />
        <Button variant="secondary" size="sm" onClick={() => downloadCodes(codes)}>
          Download as text
        </Button>
        <Button size="sm" onClick={onDone}>
          I saved them
        </Button>
      </div>
    </div>
  );
}
