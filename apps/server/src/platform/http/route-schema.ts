import { errorEnvelope, listEnvelope, successEnvelope } from '@tessera/contracts';
import type { z } from 'zod';

const errors = {
  400: errorEnvelope,
  401: errorEnvelope,
  403: errorEnvelope,
  404: errorEnvelope,
  409: errorEnvelope,
  429: errorEnvelope,
};
type Success<T extends z.ZodType> = ReturnType<typeof successEnvelope<T>>;

/** Response schemas of a route: the success envelope for `status` plus the error envelope for every 4xx. */
export const replies = <T extends z.ZodType, S extends 200 | 201 | 202 = 200>(
  data: T,
  status: S = 200 as S,
) => ({ [status]: successEnvelope(data), ...errors }) as { [K in S]: Success<T> } & typeof errors;

/** Response schemas of a list route. */
export const listReplies = <T extends z.ZodType>(item: T) => ({ 200: listEnvelope(item), ...errors });
