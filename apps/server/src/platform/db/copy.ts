import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './database.ts';

/**
 * `COPY … FROM STDIN` for bulk loads on PostgreSQL (imports): rows stream to the server in the text format,
 * without a parameter per value and without planning an INSERT per batch. PGlite has no COPY protocol from a
 * client stream; callers keep their INSERT there (`copyClientOf` answers undefined).
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/g;

/** One row in COPY's text format (tab-separated, `\N` for null, backslash escapes), newline-terminated. */
export const copyText = (values: readonly unknown[]): string => {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else {
      const s = v instanceof Date ? v.toISOString() : String(v);
      line += SPECIAL.test(s) ? s.replace(SPECIAL, (c) => ESCAPES[c] as string) : s;
      SPECIAL.lastIndex = 0;
    }
  }
  return `${line}\n`;
};

/** The node-postgres connection a Drizzle transaction runs on, or undefined on PGlite. */
export const copyClientOf = (tx: Tx): pg.ClientBase | undefined => {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : undefined;
};

/**
 * Streams `lines` (from `copyText`) through `statement` (`copy <table> (<columns>) from stdin`) on the
 * transaction's own connection, in writes of about `PER_WRITE` rows, honouring back-pressure. Returns the
 * number of rows the server loaded.
 */
export const copyRows = async (
  client: pg.ClientBase,
  statement: string,
  lines: Iterable<string>,
): Promise<number> => {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A failed COPY rejects `done`; without a handler until then it would be an unhandled rejection.
  done.catch(() => {});
  const PER_WRITE = 500;
  let buffer = '';
  let count = 0;
  for (const line of lines) {
    buffer += line;
    if (++count % PER_WRITE === 0) {
      if (!stream.write(buffer))
        await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), done]);
      buffer = '';
    }
  }
  stream.end(buffer);
  await done;
  return stream.rowCount;
};
