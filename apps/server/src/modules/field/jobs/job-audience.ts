import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';

/** Who sees a job whatever their scope: its crew's lead and members, and contractors linked to its customer. */
export const jobAudience = async (tx: Tx, tenantId: string, jobId: string): Promise<string[]> => {
  const r = (await tx.execute(sql`
    select c.lead_id as user_id from jobs j join crews c on c.id = j.crew_id
      where j.tenant_id = ${tenantId} and j.id = ${jobId} and c.lead_id is not null
    union select m.user_id from jobs j join crew_members m on m.crew_id = j.crew_id and m.tenant_id = j.tenant_id
      where j.tenant_id = ${tenantId} and j.id = ${jobId}
    union select cc.contractor_id from jobs j join contractor_customers cc
      on cc.company_id = j.company_id and cc.tenant_id = j.tenant_id
      where j.tenant_id = ${tenantId} and j.id = ${jobId}`)) as unknown as { rows: { user_id: string }[] };
  return r.rows.map((x) => x.user_id);
};
