import { eq } from 'drizzle-orm';
import { type IdentityDeps, signup, users } from '../modules/identity/index.ts';

export const DEMO = {
  tenantName: 'Demo Services Co',
  name: 'Olivia Owner',
  email: 'owner@demo.tessera.test',
  password: 'tessera-demo-2026',
} as const;

/** Creates the demo company and its owner once (safe to run again). Returns the credentials when created now. */
export const seedDemo = async (
  deps: IdentityDeps,
): Promise<{ created: boolean; email: string; password: string }> => {
  const [existing] = await deps.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.email));
  if (!existing) await signup(deps, DEMO, { ip: null, userAgent: 'seed', requestId: 'seed' });
  return { created: !existing, email: DEMO.email, password: DEMO.password };
};
