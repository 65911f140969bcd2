import { newId } from '../../../platform/db/columns.ts';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { territories, territoryAgents, visits } from '../canvassing/canvassing.tables.ts';
import { crewMembers, crews } from '../crews/crews.tables.ts';
import { jobStatusHistory, jobs } from '../jobs/jobs.tables.ts';

/** The people the demo seed made (the CRM's DemoPeople shape). */
export interface FieldDemoPeople {
  owner: string;
  manager: string;
  sales: readonly [string, string];
  dispatcher: string;
}

const HOUR = 3_600_000;
const STREETS = ['Elm Road', 'Market Square', 'Mill Lane', 'Station Street', 'Harbour Way', 'Oak Avenue'];

/**
 * Field demo data for the demo company: three crews (the dispatcher leads the first, so the crew view has
 * jobs), today's jobs on them, an unassigned queue, a load, and a territory of the first sales agent with a
 * few visits. Writes only field tables.
 */
export const seedFieldDemo = async (database: Database, tenantId: string, people: FieldDemoPeople) => {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const at = (h: number) => new Date(today.getTime() + h * HOUR);
  await withTenant(database, tenantId, async (tx) => {
    const crewRows = [
      { name: 'North crew', leadId: people.dispatcher, skills: ['hvac', 'electric'], vehicle: 'Van 1' },
      { name: 'South crew', leadId: null, skills: ['plumbing'], vehicle: 'Van 2' },
      { name: 'Solar crew', leadId: null, skills: ['solar', 'electric'], vehicle: 'Truck 3' },
    ].map((c) => ({ ...c, id: newId(), tenantId, createdBy: people.owner }));
    await tx.insert(crews).values(crewRows);
    const [north, south, solar] = crewRows.map((c) => c.id) as [string, string, string];
    await tx.insert(crewMembers).values({ tenantId, crewId: north, userId: people.dispatcher });
    const job = (
      title: string,
      crewId: string | null,
      start: number | null,
      hours: number,
      extra: Partial<typeof jobs.$inferInsert> = {},
    ): typeof jobs.$inferInsert => ({
      id: newId(),
      tenantId,
      createdBy: people.dispatcher,
      ownerId: people.dispatcher,
      title,
      crewId,
      status: crewId ? 'dispatched' : 'scheduled',
      scheduledStart: start === null ? null : at(start),
      scheduledEnd: start === null ? null : at(start + hours),
      estimatedMinutes: hours * 60,
      siteAddress: `${10 + title.length} ${STREETS[title.length % STREETS.length]}, Springfield`,
      customerName: 'Jordan Customer',
      customerPhone: '+1 555 0100',
      checklist: [
        { label: 'Check the site', done: false },
        { label: 'Photos before and after', done: false },
      ],
      ...extra,
    });
    const rows = [
      job('Boiler service', north, 8, 2, { priority: 'high', requiredSkills: ['hvac'] }),
      job('Rewire kitchen', north, 11, 3, { requiredSkills: ['electric'] }),
      job('Leaking pipe', south, 9, 1, { priority: 'urgent', requiredSkills: ['plumbing'] }),
      job('Bathroom refit', south, 13, 4),
      job('Panel install', solar, 8, 6, { requiredSkills: ['solar'] }),
      job('Heat pump survey', null, 10, 1, { requiredSkills: ['hvac'] }),
      job('Gutter repair', null, null, 2, { priority: 'low' }),
      job('Emergency callout', null, null, 1, { priority: 'urgent' }),
      job('Pallets to depot', null, 15, 2, {
        kind: 'load',
        pickupAddress: 'Warehouse 3, Dock Road',
        deliveryAddress: 'Depot North, Ring Road',
        weightKg: 1200,
        volumeM3: 8,
        reference: 'PO-1042',
      }),
    ];
    await tx.insert(jobs).values(rows);
    await tx.insert(jobStatusHistory).values(
      rows.map((r) => ({
        id: newId(),
        tenantId,
        jobId: r.id as string,
        fromStatus: null,
        toStatus: r.status ?? 'scheduled',
        occurredAt: today,
        actorUserId: people.dispatcher,
      })),
    );
    const territoryId = newId();
    await tx.insert(territories).values({
      id: territoryId,
      tenantId,
      createdBy: people.manager,
      name: 'Old Town',
      postalCodes: ['62701'],
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-89.66, 39.79],
            [-89.63, 39.79],
            [-89.63, 39.81],
            [-89.66, 39.81],
            [-89.66, 39.79],
          ],
        ],
      },
    });
    await tx.insert(territoryAgents).values({ tenantId, territoryId, userId: people.sales[0] });
    const outcomes = ['not_home', 'not_interested', 'callback', 'not_home'] as const;
    await tx.insert(visits).values(
      outcomes.map((outcome, i) => ({
        id: newId(),
        tenantId,
        createdBy: people.sales[0],
        territoryId,
        agentId: people.sales[0],
        address: `${i * 2 + 1} Elm Road, Springfield`,
        lat: 39.8 + i * 0.002,
        lng: -89.65 + i * 0.003,
        visitedAt: at(9 + i),
        outcome,
      })),
    );
  });
};
