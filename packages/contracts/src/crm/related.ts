import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { relatedType } from './common.ts';

/** A link from an activity or task to the record it belongs to. */
export const relatedRef = z.strictObject({ type: relatedType, id: uuid });
export type RelatedRef = z.infer<typeof relatedRef>;
