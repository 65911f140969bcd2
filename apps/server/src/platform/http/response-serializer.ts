import type { FastifySerializerCompiler } from 'fastify';
import type { Logger } from 'pino';
import { type core, safeEncode, type ZodType } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  out?: ZodType;
  options?: ZodType[];
  valueType?: ZodType;
  getter?: () => ZodType;
};
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const MAX_DEPTH = 32;

/**
 * `value` reduced to what `schema` declares, without judging the values: object keys the schema does not
 * name are dropped (a response never carries a column it did not declare), everything else is kept as stored.
 */
export const projectToSchema = (schema: ZodType, value: unknown, depth = 0): unknown => {
  if (value === null || value === undefined || depth > MAX_DEPTH) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return projectToSchema(def.innerType as ZodType, value, depth + 1);
    case 'pipe':
      return projectToSchema(def.out as ZodType, value, depth + 1);
    case 'lazy':
      return projectToSchema((def.getter as () => ZodType)(), value, depth + 1);
    case 'array':
      return Array.isArray(value)
        ? value.map((v) => projectToSchema(def.element as ZodType, v, depth + 1))
        : value;
    case 'record':
      return typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              projectToSchema(def.valueType as ZodType, v, depth + 1),
            ]),
          )
        : value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const shape = def.shape ?? {};
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) out[key] = projectToSchema(shape[key] as ZodType, v, depth + 1);
      }
      return out;
    }
    case 'union': {
      // The option that accepts it, else the first object option (keeps the declared keys of either).
      const options = def.options ?? [];
      const fits = options.find((o) => o.safeParse(value).success);
      const objects = options.filter((o) => defOf(o).type === 'object');
      const pick = fits ?? (objects.length === 1 ? objects[0] : undefined);
      if (pick) return projectToSchema(pick, value, depth + 1);
      // Several object shapes and none fits: keep only the keys every option could declare.
      const keys = new Set(objects.flatMap((o) => Object.keys(defOf(o).shape ?? {})));
      return typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).filter(([k]) => keys.has(k)))
        : value;
    }
    default:
      return value;
  }
};

/** Ids of the rows (the nearest objects with an `id`) that the issues point into. */
export const rowIdsOf = (issues: readonly core.$ZodIssue[], data: unknown): unknown[] => {
  const ids = new Set<unknown>();
  for (const issue of issues) {
    let node: unknown = data;
    let id: unknown;
    for (const key of issue.path) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<PropertyKey, unknown>)[key as PropertyKey];
      if (node && typeof node === 'object' && 'id' in node) id = (node as { id: unknown }).id;
    }
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
};

const resolveSchema = (maybe: unknown): ZodType => {
  const s = maybe as { _zod?: unknown; properties?: { _zod?: unknown } };
  if (s?._zod) return maybe as ZodType;
  if (s?.properties?._zod) return s.properties as unknown as ZodType;
  throw new Error('A route response schema is not a Zod schema');
};

/**
 * Responses are checked leniently: inputs are validated strictly, but data the database accepted must never
 * fail a page. A response that does not match its schema is logged (route, row ids, issues) and sent as
 * stored, reduced to the declared keys — one odd row no longer turns a whole list into a 500.
 */
export const createResponseSerializer =
  (log: Logger): FastifySerializerCompiler<unknown> =>
  ({ schema: maybeSchema, method, url }) => {
    const schema = resolveSchema(maybeSchema);
    return (data) => {
      const result = safeEncode(schema, data);
      if (result.success) return JSON.stringify(result.data);
      log.error(
        {
          method,
          route: url,
          rowIds: rowIdsOf(result.error.issues, data),
          issues: result.error.issues
            .slice(0, 10)
            .map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
        },
        'response does not match its schema; sent as stored',
      );
      return JSON.stringify(projectToSchema(schema, data));
    };
  };
