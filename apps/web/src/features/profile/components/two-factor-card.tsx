import { useState } from 'react';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { useSession } from '../../../hooks/use-me';
import { useSetupTotp } from '../api/setup-totp';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { RecoveryCodesSection } from './recovery-codes-section';
import { TotpDisableForm } from './totp-disable-form';
import { TotpSetupPanel } from './totp-setup-panel';

/**
 * Two-factor authentication: set up (QR code or secret + code) when off, then the recovery codes once; when on,
 * disable (code + password) and new recovery codes.
 */
export function TwoFactorCard() {
  const { user } = useSession();
  const setup = useSetupTotp();
  const [notice, setNotice] = useState<string | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  const finished = (message: string) => {
    setup.reset();
    setNotice(message);
  };

  return (
    <Card aria-labelledby="profile-2fa-title">
      <CardHeader
        titleId="profile-2fa-title"
        title="Two-factor authentication"
        description="Ask for a 6-digit code from an authenticator app when signing in."
        actions={
          <Badge tone={user.totpEnabled ? 'success' : 'neutral'} data-testid="totp-status">
            {user.totpEnabled ? 'On' : 'Off'}
          </Badge>
        }
      />
      <CardBody className="space-y-4">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {newCodes ? (
          <RecoveryCodesPanel codes={newCodes} onDone={() => setNewCodes(null)} />
        ) : user.totpEnabled ? (
          <>
            <TotpDisableForm onDisabled={() => finished('Two-factor authentication is now off.')} />
            <RecoveryCodesSection />
          </>
        ) : setup.data ? (
          <TotpSetupPanel
            setup={setup.data}
            onEnabled={(codes) => {
              finished('Two-factor authentication is now on.');
              setNewCodes(codes);
            }}
            onCancel={() => setup.reset()}
          />
        ) : (
          <>
            {setup.error ? <ErrorAlert error={setup.error} /> : null}
            <Button
              onClick={() => {
                setNotice(null);
                setup.mutate();
              }}
              disabled={setup.isPending}
            >
              {setup.isPending ? <Spinner /> : null}
              Set up two-factor authentication
            </Button>
          </>
        )}
      </CardBody>
    </Card>
  );
}
