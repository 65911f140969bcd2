import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { companies } from './companies.tables.ts';

/** What another module may print about a company (sales: the customer on an issued invoice). */
export interface CompanyParty {
  name: string;
  email: string | null;
  city: string | null;
  country: string | null;
}

/** A company of the tenant as a document party, or null. The caller checked the caller may see it. */
export const companyParty = async (
  tx: Tx,
  tenantId: string,
  companyId: string,
): Promise<CompanyParty | null> => {
  const [row] = await tx
    .select({
      name: companies.name,
      email: companies.email,
      city: companies.city,
      country: companies.country,
    })
    .from(companies)
    .where(and(eq(companies.tenantId, tenantId), eq(companies.id, companyId)));
  return row ?? null;
};
