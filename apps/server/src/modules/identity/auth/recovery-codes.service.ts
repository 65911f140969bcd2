import { randomInt } from 'node:crypto';
import { RECOVERY_CODE } from '@tessera/contracts';
import { and, count, eq, isNull } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { sha256 } from '../../../platform/auth/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { inTenant } from '../../../platform/records/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { recoveryCodes } from '../tables.ts';

/** How many codes a set has. */
export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: a code read off paper is typed back right. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const oneCode = () => {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
};

/** The code as stored (hashed): lower case, without the dash or spaces. */
const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const hashOf = (code: string) => sha256(`tessera-recovery:${normalise(code)}`);

type Db = IdentityDeps['database']['db'] | Tx;

/**
 * A new set of recovery codes for the user: the old set is deleted and only the hashes of the new one are
 * kept. The plain codes are returned to be shown once.
 */
export const replaceRecoveryCodes = async (db: Db, userId: string): Promise<string[]> => {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(oneCode());
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values([...codes].map((c) => ({ userId, codeHash: hashOf(c) })));
  return [...codes];
};

export const deleteRecoveryCodes = (db: Db, userId: string) =>
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));

/** Is this text shaped like a recovery code (not a 6-digit authenticator code)? */
export const isRecoveryCode = (code: string) => RECOVERY_CODE.test(code);

/**
 * Spends a recovery code: one conditional UPDATE marks it used only if it is the user's and unused, so a code
 * works once, also when two sign-ins send it at the same moment (exactly one wins).
 */
export const useRecoveryCode = async (db: Db, userId: string, code: string): Promise<boolean> => {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashOf(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
};

/** How many unused codes the user has left. */
export const remainingRecoveryCodes = async (db: Db, userId: string): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
};

export const auditRecovery = (ctx: AuthedContext, action: string, userId: string) =>
  inTenant(ctx, (tx) => writeAudit(tx, ctx, { action, targetType: 'user', targetId: userId }));
