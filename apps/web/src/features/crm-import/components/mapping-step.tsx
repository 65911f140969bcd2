import { Select } from '../../../components/ui/input';
import { type ColumnMapping, IMPORT_FIELDS, type ImportEntity } from '../csv-mapping';

/** One row per CSV column: its target field (proposed automatically) or "Ignore". */
export function MappingStep({
  entity,
  mapping,
  onChange,
}: {
  entity: ImportEntity;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const fields = IMPORT_FIELDS[entity];
  const columns = Object.keys(mapping);
  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm" aria-label="Column mapping">
        <thead className="bg-zinc-50 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 dark:bg-zinc-900/60 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2">
              CSV column
            </th>
            <th scope="col" className="px-3 py-2">
              Imported as
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {columns.map((column) => (
            <tr key={column}>
              <td className="px-3 py-2 font-mono text-xs text-zinc-800 dark:text-zinc-200">
                {column || '(empty)'}
              </td>
              <td className="px-3 py-1.5">
                <Select
                  aria-label={`Field for column ${column}`}
                  className="h-8"
                  value={mapping[column] ?? ''}
                  onChange={(event) => onChange({ ...mapping, [column]: event.target.value })}
                >
                  <option value="">Ignore this column</option>
                  {fields.map((field) => (
                    <option
                      key={field.field}
                      value={field.field}
                      disabled={
                        mapping[column] !== field.field && Object.values(mapping).includes(field.field)
                      }
                    >
                      {field.label}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
