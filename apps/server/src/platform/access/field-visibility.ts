import { fieldGroups } from '@tessera/contracts';
import type { Principal } from './principal.ts';

/** Field names the caller may not see (e.g. money fields without `fields.money.view`). */
export const hiddenFields = (principal: Principal): ReadonlySet<string> => {
  const hidden = new Set<string>();
  for (const group of Object.values(fieldGroups)) {
    if (!principal.permissions.has(group.permission)) for (const f of group.fields) hidden.add(f);
  }
  return hidden;
};

/** A copy of `record` without the fields the caller may not see (the key is removed, not nulled). */
export const redactFields = <T extends Record<string, unknown>>(
  principal: Principal,
  record: T,
): Partial<T> => {
  const hidden = hiddenFields(principal);
  if (hidden.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !hidden.has(k))) as Partial<T>;
};
