import type { Agent, agentListQuery } from '@tessera/contracts';
import { arrayContains, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import * as kit from '../../../platform/records/index.ts';
import { schedulingAgents } from './agents.tables.ts';

export type AgentRow = typeof schedulingAgents.$inferSelect;

/** Agents: tenant-wide (no owner scope); changed with availability.manage. */
export const agentDef: kit.RecordDef = {
  name: 'scheduling_agent',
  label: 'Agent',
  table: schedulingAgents,
  scope: 'appointments',
  auditFields: [
    'userId',
    'timeZone',
    'weeklyHours',
    'breaks',
    'datesOff',
    'extraDates',
    'postalPrefixes',
    'regions',
    'skills',
    'priority',
    'active',
    'archivedAt',
  ],
};

export const toAgent = (r: AgentRow): Agent => ({
  ...kit.baseDto(r),
  userId: r.userId,
  timeZone: r.timeZone,
  weeklyHours: r.weeklyHours,
  breaks: r.breaks,
  datesOff: r.datesOff,
  extraDates: r.extraDates,
  postalPrefixes: r.postalPrefixes,
  regions: r.regions,
  skills: r.skills,
  priority: r.priority,
  active: r.active,
});

export const agentColumns = getTableColumns(schedulingAgents);

type Filters = Omit<
  z.output<typeof agentListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

export const agentListSpec = (f: Filters): kit.ListSpec => ({
  table: schedulingAgents,
  id: schedulingAgents.id,
  tenantId: schedulingAgents.tenantId,
  archivedAt: schedulingAgents.archivedAt,
  where: [
    f.active ? eq(schedulingAgents.active, f.active === 'true') : undefined,
    f.skill ? arrayContains(schedulingAgents.skills, [f.skill]) : undefined,
  ],
  sorts: {
    createdAt: { expr: schedulingAgents.createdAt, type: 'timestamp' },
    priority: { expr: schedulingAgents.priority, type: 'number' },
  },
});
