import { leadRecords } from './leads';

export interface AssignLeadInput {
  ownerId: string | null;
  version?: number | undefined;
}

/** `POST /api/v1/leads/:id/assign`: another owner, or nobody (`null`). */
export const useAssignLead = () => leadRecords.useAction<AssignLeadInput>('assign');
