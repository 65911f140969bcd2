import { email as emailSchema, type MemberImportReport } from '@tessera/contracts';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { csvBaseOptions } from '../../../platform/csv/csv-options.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { inTenant } from '../../../platform/records/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { inviteInTx } from '../invitations/invitations.service.ts';
import { roles } from '../tables.ts';
import { grantorOf } from './grantor.ts';

export const IMPORT_MAX_ROWS = 1000;
type Row = MemberImportReport['rows'][number];

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * CSV `email,name,role` (header row 1; role by name or template key, case-insensitive) → one invitation per
 * valid row. Each row stands alone: a bad row is reported and the others are still invited (partial import).
 */
export const importMembers = async (
  deps: IdentityDeps,
  ctx: AuthedContext,
  csv: string,
): Promise<MemberImportReport> => {
  let records: string[][];
  try {
    records = parse(csv, {
      ...csvBaseOptions,
      record_delimiter: [...csvBaseOptions.record_delimiter],
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new AppError('VALIDATION_ERROR', `The file is not valid CSV: ${(err as Error).message}`);
  }
  const [header, ...data] = records;
  const columns = (header ?? []).map(normalise);
  const at = {
    email: columns.indexOf('email'),
    name: columns.indexOf('name'),
    role: columns.indexOf('role'),
  };
  if (at.email < 0 || at.role < 0)
    throw new AppError(
      'VALIDATION_ERROR',
      'The first row must be a header with at least the columns email and role (name is optional)',
    );
  if (data.length > IMPORT_MAX_ROWS)
    throw new AppError(
      'VALIDATION_ERROR',
      `At most ${IMPORT_MAX_ROWS} rows per import (this file has ${data.length})`,
    );

  return inTenant(ctx, async (tx) => {
    const grantor = await grantorOf(tx, ctx);
    const tenantRoles = await tx.select().from(roles).where(eq(roles.tenantId, ctx.tenantId));
    const roleByName = new Map(
      tenantRoles.flatMap((r) => [[r.name.toLowerCase(), r], ...(r.key ? [[r.key, r] as const] : [])]),
    );
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const [i, record] of data.entries()) {
      const rowNumber = i + 2;
      const rawEmail = record[at.email] ?? '';
      const parsed = emailSchema.safeParse(rawEmail);
      if (!parsed.success) {
        rows.push({
          row: rowNumber,
          email: rawEmail || null,
          status: 'error',
          message: 'Not a valid e-mail address',
        });
        continue;
      }
      const email = parsed.data;
      if (seen.has(email)) {
        rows.push({ row: rowNumber, email, status: 'skipped', message: 'Duplicate of an earlier row' });
        continue;
      }
      seen.add(email);
      const role = roleByName.get((record[at.role] ?? '').toLowerCase());
      if (!role) {
        rows.push({
          row: rowNumber,
          email,
          status: 'error',
          message: `Unknown role "${record[at.role] ?? ''}"`,
        });
        continue;
      }
      try {
        await tx.transaction((savepoint) =>
          inviteInTx(savepoint, deps, ctx, { grantor, email, roleId: role.id }),
        );
        rows.push({ row: rowNumber, email, status: 'invited' });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        rows.push({
          row: rowNumber,
          email,
          status: err.code === 'CONFLICT' ? 'skipped' : 'error',
          message: err.message,
        });
      }
    }
    const tally = (s: Row['status']) => rows.filter((r) => r.status === s).length;
    return {
      total: data.length,
      invited: tally('invited'),
      skipped: tally('skipped'),
      errors: tally('error'),
      rows,
    };
  });
};
