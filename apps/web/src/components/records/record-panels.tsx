import type { ComponentType } from 'react';

import type { RecordPanelProps } from './record-panel-props';

export type { RecordPanelProps } from './record-panel-props';

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
