import { type HubConfig, type HubOverride, type HubWidget, hubWidgets } from '@tessera/contracts';

/** The override's JSON text → object; `undefined` when it is not a JSON object. */
export function parseOverride(text: string): HubOverride | undefined {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as HubOverride)
      : undefined;
  } catch {
    return undefined;
  }
}

const section = (o: HubOverride, key: string) => (o[key] as Record<string, unknown> | undefined) ?? {};

export const withDisplayName = (o: HubOverride, displayName: string): HubOverride => ({
  ...o,
  metadata: { ...section(o, 'metadata'), displayName },
});

/** Shows or hides one navigation entry (the override then carries the whole list: arrays replace). */
export const withNavItem = (
  o: HubOverride,
  effective: HubConfig,
  base: HubConfig,
  id: string,
  shown: boolean,
): HubOverride => {
  const current = effective.navigation.items;
  const items = shown
    ? base.navigation.items.filter((i) => i.id === id || current.some((c) => c.id === i.id))
    : current.filter((i) => i.id !== id);
  return { ...o, navigation: { ...section(o, 'navigation'), items } };
};

/** Adds a catalog widget below the others, or removes a widget. */
export const withWidget = (
  o: HubOverride,
  effective: HubConfig,
  key: keyof typeof hubWidgets,
  shown: boolean,
): HubOverride => {
  const template = hubWidgets[key];
  const current = effective.dashboard.widgets;
  const bottom = Math.max(0, ...current.map((w) => w.area.y + w.area.h));
  const widgets: HubWidget[] = shown
    ? [...current, { ...template, options: { ...template.options }, area: { x: 0, y: bottom, w: 6, h: 3 } }]
    : current.filter((w) => w.id !== template.id);
  return { ...o, dashboard: { ...section(o, 'dashboard'), widgets } };
};
