import type { ComponentType } from 'react';

/** What a record panel receives: the record it is shown on (`type` as the API names it, e.g. `company`). */
export interface RecordPanelProps {
  type: string;
  id: string;
}

interface RecordPanelDef {
  key: string;
  Panel: ComponentType<RecordPanelProps>;
}

const PANELS = new Map<string, RecordPanelDef>();

/**
 * Adds a panel to every record detail page (files today; anything that belongs to any record). The app
 * registers them (src/app/record-panels.ts), so record pages and feature folders never import each other.
 */
export function registerRecordPanel(panel: RecordPanelDef): void {
  PANELS.set(panel.key, panel);
}

/** The registered panels of one record, in registration order (each decides itself whether to show). */
export function RecordPanels({ type, id }: RecordPanelProps) {
  return (
    <>
      {[...PANELS.values()].map(({ key, Panel }) => (
        <Panel key={key} type={type} id={id} />
      ))}
    </>
  );
}
