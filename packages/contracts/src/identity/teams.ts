import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';

export const teamSchema = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  memberIds: z.array(uuid).describe('User ids'),
  createdAt: isoDateTime,
  version,
});
export type Team = z.infer<typeof teamSchema>;
export const teamCreateInput = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120),
  description: z.string().trim().max(500).default(''),
});
export const teamUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(500).optional(),
  version,
});
export const teamMemberInput = z.strictObject({ userId: uuid });
