import fc from 'fast-check';

/** A JSON Schema node as `/api/openapi.json` describes it (the parts the generator reads). */
export interface SchemaNode {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  default?: unknown;
}

/** Uuids that exist somewhere (own records, another tenant's records), set by the test. */
export interface IdPool {
  own: string[];
  foreign: string[];
}

/** A valid PostgreSQL uuid that is not an RFC 4122 variant (another tool wrote it). */
export const ODD_UUID = '12345678-1234-1234-1234-123456789abc';

/** Strings that have broken servers: injections, control bytes, odd Unicode, huge and empty (NUL: below). */
const hostileStrings = [
  '%00',
  "'; drop table leads; --",
  "' or '1'='1",
  '\\',
  '"',
  `\${7*7}`, // a template-injection probe, sent literally
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\u202e\u0007\u001b[31m',
  '\ud800',
  '𝕋𝔢𝔰𝔰𝔢𝔯𝔞',
  ' ',
  '',
  '=cmd|" /C calc"!A0',
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '9999-99-99T99:99:99Z',
  ODD_UUID,
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-000000000000',
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    // A NUL byte alone or inside text: PostgreSQL refuses it in text values.
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`) },
  );

const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [
        '\u0000',
      ]),
    },
  );

const idValue = (ids: IdPool) =>
  fc.constantFrom(...ids.own, ...ids.foreign, ODD_UUID, '01a1fcbb-0000-7000-8000-000000000000');

/** A plausible value for a schema node (so requests get past the first check), built from its own rules. */
const plausible = (node: SchemaNode, ids: IdPool, depth: number): fc.Arbitrary<unknown> => {
  const alts = node.anyOf ?? node.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => plausible(a, ids, depth)));
  if (node.allOf?.length) return plausible(node.allOf[0] as SchemaNode, ids, depth);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum?.length) return fc.constantFrom(...node.enum);
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      if (node.format === 'uuid') return idValue(ids);
      if (node.format === 'email') return fc.constantFrom('fuzz@example.test', 'Fuzz.Person@Example.test');
      if (node.format === 'date-time')
        return fc.constantFrom('2026-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z');
      if (node.pattern === '^[A-Z]{3}$') return fc.constantFrom('USD', 'EUR');
      return fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 30, 30) });
    case 'integer':
      return fc.integer({ min: node.minimum ?? -1000, max: Math.min(node.maximum ?? 1000, 2 ** 31) });
    case 'number':
      return fc.double({ min: node.minimum ?? -1000, max: node.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueFor(node.items ?? {}, ids, depth + 1), { maxLength: 3 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFor(node, ids, depth + 1);
    default:
      return hostileJson();
  }
};

/** A plausible value for a schema node. */
export const valueFor = (node: SchemaNode, ids: IdPool, depth = 0): fc.Arbitrary<unknown> =>
  plausible(node, ids, depth);

/** A hostile value of any JSON type: NUL bytes, injections, huge numbers, wrong types. */
export const hostileValue = (): fc.Arbitrary<unknown> => hostileJson();

/** An object for a schema: required keys always, optional keys sometimes. */
export const objectFor = (
  node: SchemaNode,
  ids: IdPool,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> => {
  const props = node.properties ?? {};
  const keys = Object.keys(props);
  const required = new Set(node.required ?? []);
  return fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(props[k] as SchemaNode, ids, depth)])), {
    requiredKeys: keys.filter((k) => required.has(k)),
  });
};

/** A plausible value for a path or query parameter, as the string a URL carries. */
export const paramFor = (node: SchemaNode, ids: IdPool): fc.Arbitrary<string> =>
  plausible(node, ids, 3).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
