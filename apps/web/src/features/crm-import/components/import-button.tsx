import type { Permission } from '@tessera/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { usePermission } from '../../../hooks/use-permission';
import type { ImportEntity } from '../csv-mapping';
import { ImportWizard } from './import-wizard';

const titles: Record<ImportEntity, string> = {
  leads: 'Import leads',
  contacts: 'Import contacts',
  companies: 'Import companies',
  products: 'Import products',
};

/** "Import CSV" (with the entity's import permission) and the import wizard in a dialog. */
export function ImportButton({ entity }: { entity: ImportEntity }) {
  const allowed = usePermission(`${entity}.import` as Permission);
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Import CSV
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={titles[entity]}
        size="lg"
        data-testid="import-wizard"
      >
        <ImportWizard entity={entity} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
