import { sql } from 'drizzle-orm';
import * as kit from '../../platform/records/index.ts';
import { activeMemberIds } from '../identity/index.ts';
import { expenseDef } from './expenses/expense-record.ts';
import { projectDef } from './projects/project-record.ts';
import { milestones, projects } from './projects/projects.tables.ts';

/**
 * What the work module adds to the record kit: projects as a related type (CRM tasks and activities link to
 * them: ADR 0021), expenses as a record files attach to (the receipt), the reference fields its bodies carry. Run once, from index.ts.
 */
export const registerWorkRecords = () => {
  kit.registerRelatedType({ type: 'project', def: projectDef, view: 'projects.view', key: 'projectId' });
  // Whoever may see the expense (its member, or expenses.manage / .approve) may see its receipt.
  kit.registerAttachableType({ type: 'expense', def: expenseDef, view: 'expenses.view' });
  kit.registerRecordReference('projectId', {
    table: projects,
    view: 'projects.view',
    scope: { resource: 'projects', owner: projects.managerId },
  });
  kit.registerRecordReference('milestoneId', { table: milestones, view: 'projects.view' });
  for (const field of ['managerId', 'userId']) kit.registerMemberReference(field, activeMemberIds);
  kit.registerSearchable({
    type: 'project',
    label: 'Projects',
    def: projectDef,
    view: 'projects.view',
    feature: 'work',
    searchText: projects.searchText,
    title: sql<string>`${projects.name}`,
    subtitle: sql<string | null>`${projects.code}`,
    url: (id) => `/projects/${id}`,
    order: 80,
  });
};
