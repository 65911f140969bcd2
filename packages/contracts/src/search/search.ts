import { z } from 'zod';
import { uuid } from '../primitives.ts';

/** Longest accepted search text (characters, after trimming): the same limit as list `q`. */
export const SEARCH_Q_MAX = 200;

/** `GET /api/v1/search`: the text (at least one character after trimming) and the hits per group (1–20, default 5). */
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for').max(SEARCH_Q_MAX),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** One record found: what the palette shows and where it leads (a path of the web app). */
export const searchHitSchema = z.object({
  id: uuid,
  type: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  url: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** The hits of one kind of record ("Leads"), best first; a kind the caller may not see is absent. */
export const searchGroupSchema = z.object({
  type: z.string(),
  label: z.string(),
  hits: z.array(searchHitSchema),
  /** True when more records match than `limit`. */
  hasMore: z.boolean(),
});
export type SearchGroup = z.infer<typeof searchGroupSchema>;

export const searchResultSchema = z.object({ groups: z.array(searchGroupSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
