import type { RecordTypeDefinition } from '../../lib/records/record-types';
import { projectRecords } from './api/projects';

/**
 * The project record type, registered by the app (`app/record-types.ts`): `/projects/:id`. Shared record code
 * needs it for project tasks (links on My tasks) and the project's timeline.
 */
export const projectRecordType: RecordTypeDefinition = {
  type: 'project',
  apiPath: projectRecords.path,
  route: (id) => `/projects/${encodeURIComponent(id)}`,
  viewPermission: 'projects.view',
};
