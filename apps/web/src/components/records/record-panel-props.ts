/** What a record panel receives: the record it is shown on (`type` as the API names it, e.g. `company`). */
export interface RecordPanelProps {
  type: string;
  id: string;
}
