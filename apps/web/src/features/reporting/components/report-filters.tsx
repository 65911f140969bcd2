import type { KpiInfo } from '@tessera/contracts';
import { useEffect, useState } from 'react';
import { SelectField, type SelectOption, TextField } from '../../../components/ui/form-field';
import {
  type Grouping,
  type PeriodPreset,
  periodError,
  periodPresets,
  presetRange,
  type ReportState,
} from '../report-query';

/** The choices of the filter pickers, handed in by the app (features do not import each other). */
export interface ReportPickers {
  /** "Me" first, then the members (only "Me" without `members.view`). */
  owners: readonly SelectOption[];
  /** Undefined without the permission to list them (the picker is left out). */
  teams: readonly SelectOption[] | undefined;
  pipelines: readonly SelectOption[] | undefined;
}

/** The page's filters: period (presets or custom days), grouping, and the filters the KPI takes. */
export function ReportFilters({
  kpi,
  state,
  pickers,
  onChange,
}: {
  kpi: KpiInfo;
  state: ReportState;
  pickers: ReportPickers;
  onChange: (patch: Partial<ReportState>) => void;
}) {
  const [source, setSource] = useState(state.filters.source ?? '');
  useEffect(() => setSource(state.filters.source ?? ''), [state.filters.source]);
  const filter = (name: keyof ReportState['filters'], value: string) =>
    onChange({ filters: { ...state.filters, [name]: value || undefined } });
  const choosePeriod = (period: PeriodPreset) =>
    onChange(
      period === 'custom'
        ? {
            period,
            ...(state.period === 'custom' ? {} : presetRange(state.period)),
          }
        : { period, from: '', to: '' },
    );
  const error = periodError(state);
  const takes = (name: keyof ReportState['filters']) => kpi.filters.includes(name);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label="Report filters"
      data-testid="report-filters"
      onSubmit={(e) => {
        e.preventDefault();
        filter('source', source.trim());
      }}
    >
      {kpi.period !== 'none' ? (
        <SelectField
          label={kpi.period === 'end' ? 'As of the end of' : 'Period'}
          value={state.period}
          onChange={(e) => choosePeriod(e.target.value as PeriodPreset)}
          options={periodPresets}
        />
      ) : null}
      {kpi.period !== 'none' && state.period === 'custom' ? (
        <>
          <TextField
            label="From"
            type="date"
            value={state.from}
            max={state.to || undefined}
            onChange={(e) => onChange({ from: e.target.value })}
          />
          <TextField
            label="To"
            type="date"
            value={state.to}
            min={state.from || undefined}
            error={error}
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </>
      ) : null}
      {kpi.grouped ? (
        <SelectField
          label="Group by"
          value={state.grouping}
          onChange={(e) => onChange({ grouping: e.target.value as Grouping })}
          options={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
        />
      ) : null}
      {takes('ownerId') ? (
        <SelectField
          label="Owner"
          value={state.filters.ownerId ?? ''}
          onChange={(e) => filter('ownerId', e.target.value)}
          placeholder="Everyone"
          options={pickers.owners}
        />
      ) : null}
      {takes('teamId') && pickers.teams ? (
        <SelectField
          label="Team"
          value={state.filters.teamId ?? ''}
          onChange={(e) => filter('teamId', e.target.value)}
          placeholder="All teams"
          options={pickers.teams}
        />
      ) : null}
      {takes('pipelineId') && pickers.pipelines ? (
        <SelectField
          label="Pipeline"
          value={state.filters.pipelineId ?? ''}
          onChange={(e) => filter('pipelineId', e.target.value)}
          placeholder={kpi.name === 'pipeline-value' ? 'Default pipeline' : 'All pipelines'}
          options={pickers.pipelines}
        />
      ) : null}
      {takes('source') ? (
        <TextField
          label="Source"
          value={source}
          maxLength={100}
          placeholder="Any source"
          onChange={(e) => setSource(e.target.value)}
          onBlur={() => {
            if (source.trim() !== (state.filters.source ?? '')) filter('source', source.trim());
          }}
        />
      ) : null}
    </form>
  );
}
