import { fieldGroups } from '@tessera/contracts';
import { AppError } from '../http/app-error.ts';
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

/** Refuses a write that sets fields the caller may not see (you cannot change what you are not allowed to read). */
export const assertWritableFields = (principal: Principal, input: object) => {
  const hidden = hiddenFields(principal);
  const blocked = Object.keys(input).filter(
    (k) => hidden.has(k) && (input as Record<string, unknown>)[k] !== undefined,
  );
  if (blocked.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot set ${blocked.join(', ')} without permission to see money fields`,
      {
        details: blocked.map((f) => ({ path: `body.${f}`, message: 'Not allowed for your role' })),
      },
    );
  }
};

/** Sorting or filtering by a money field reveals it: allowed only to those who may see money fields. */
export const assertMoneyVisible = (principal: Principal, what: string) => {
  if (!principal.permissions.has(fieldGroups.money.permission)) {
    throw new AppError('FORBIDDEN', `You need the "${fieldGroups.money.permission}" permission to ${what}`);
  }
};
