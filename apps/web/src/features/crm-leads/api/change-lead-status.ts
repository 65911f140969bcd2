import type { LeadStatus } from '@tessera/contracts';
import { leadRecords } from './leads';

export interface LeadStatusInput {
  status: LeadStatus;
  reason?: string | undefined;
  version?: number | undefined;
}

/** `POST /api/v1/leads/:id/status`; an invalid move is a 409 whose `details.allowed` lists valid ones. */
export const useChangeLeadStatus = () => leadRecords.useAction<LeadStatusInput>('status');
