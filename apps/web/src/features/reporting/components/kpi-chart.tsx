import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Funnel,
  FunnelChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartKind, ChartPoint, ChartSeries } from '../chart-data';

/**
 * The charting library's part of a chart widget: loaded lazily (its own chunk, fetched the first time a
 * dashboard shows a chart), never in the initial bundle. Colours are CSS variables (index.css), so light and
 * dark mode follow the page.
 */
export interface KpiChartProps {
  kind: ChartKind;
  series: ChartSeries;
  format: (value: number) => string;
  /** A short form for axis ticks. */
  formatTick: (value: number) => string;
  /** A click on a bar, point or segment (the drill-down); undefined when there is nowhere to go. */
  onSelect?: (point: ChartPoint) => void;
}

const COLOURS = [1, 2, 3, 4, 5, 6].map((i) => `var(--chart-${i})`);
const colour = (i: number) => COLOURS[i % COLOURS.length];
const tick = { fill: 'var(--chart-text)', fontSize: 12 };
const tooltip = {
  contentStyle: {
    background: 'var(--chart-tooltip-bg)',
    border: '1px solid var(--chart-grid)',
    borderRadius: 6,
    color: 'var(--chart-text)',
    fontSize: 12,
  },
  itemStyle: { color: 'var(--chart-text)' },
  labelStyle: { color: 'var(--chart-text)' },
};

export function KpiChart({ kind, series, format, formatTick, onSelect }: KpiChartProps) {
  const data = series.points.map((p) => ({ ...p, name: p.label }));
  const cursor = onSelect ? 'pointer' : undefined;
  const select = (i: number) => {
    const point = series.points[i];
    if (point && onSelect) onSelect(point);
  };
  const valueFormatter = (v: unknown) => format(Number(v));
  if (kind === 'pie')
    return (
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="45%"
            outerRadius="80%"
            isAnimationActive={false}
          >
            {data.map((p, i) => (
              <Cell
                key={p.key ?? 'none'}
                fill={colour(i)}
                stroke="var(--chart-tooltip-bg)"
                cursor={cursor}
                data-testid="chart-segment"
                onClick={() => select(i)}
              />
            ))}
          </Pie>
          <Tooltip {...tooltip} formatter={valueFormatter} />
          <Legend
            iconType="circle"
            iconSize={8}
            formatter={(name) => <span style={{ color: 'var(--chart-text)', fontSize: 12 }}>{name}</span>}
          />
        </PieChart>
      </ResponsiveContainer>
    );
  if (kind === 'funnel')
    return (
      <ResponsiveContainer width="100%" height="100%">
        <FunnelChart>
          <Funnel data={data} dataKey="value" nameKey="name" isAnimationActive={false}>
            {data.map((p, i) => (
              <Cell
                key={p.key ?? 'none'}
                fill={colour(i)}
                cursor={cursor}
                data-testid="chart-segment"
                onClick={() => select(i)}
              />
            ))}
            <LabelList position="right" dataKey="name" fill="var(--chart-text)" stroke="none" fontSize={12} />
            <LabelList
              position="center"
              dataKey="value"
              fill="var(--chart-on-fill)"
              stroke="none"
              fontSize={12}
              formatter={valueFormatter}
            />
          </Funnel>
          <Tooltip {...tooltip} formatter={valueFormatter} />
        </FunnelChart>
      </ResponsiveContainer>
    );
  const axes = (
    <>
      <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="name" tick={tick} stroke="var(--chart-grid)" interval="preserveStartEnd" />
      <YAxis
        tick={tick}
        stroke="var(--chart-grid)"
        width={72}
        tickFormatter={(v: unknown) => formatTick(Number(v))}
      />
      <Tooltip {...tooltip} formatter={valueFormatter} cursor={{ fill: 'var(--chart-grid)', opacity: 0.4 }} />
    </>
  );
  if (kind === 'line')
    return (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          onClick={(state) => {
            if (state?.activeTooltipIndex !== undefined && state.activeTooltipIndex !== null)
              select(Number(state.activeTooltipIndex));
          }}
          style={{ cursor }}
        >
          {axes}
          <Line
            dataKey="value"
            name={series.measure.label}
            stroke={colour(0)}
            strokeWidth={2}
            dot={{ r: 3, fill: colour(0) }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    );
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        {axes}
        <Bar dataKey="value" name={series.measure.label} radius={[4, 4, 0, 0]} isAnimationActive={false}>
          {data.map((p, i) => (
            <Cell
              key={p.key ?? 'none'}
              fill={colour(0)}
              cursor={cursor}
              data-testid="chart-segment"
              onClick={() => select(i)}
            />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
