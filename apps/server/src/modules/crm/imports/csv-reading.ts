import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { CsvError, type Options, parse } from 'csv-parse';
import { csvBaseOptions } from '../../../platform/csv/csv-options.ts';

/** Size of one stored piece of an uploaded file (characters of text). */
export const CHUNK_CHARS = 256 * 1024;
/** A single CSV record may not be longer than this (a file without line ends is refused, not buffered). */
const MAX_RECORD_CHARS = 1_000_000;

/** The same parser settings at upload (validation, row count) and in the job. */
const csvOptions = (delimiter: string): Options => ({
  ...csvBaseOptions,
  record_delimiter: [...csvBaseOptions.record_delimiter],
  delimiter,
  relax_quotes: true,
  max_record_size: MAX_RECORD_CHARS,
});

/** The delimiter of the header line: the most frequent of `,` `;` and tab outside quotes (default `,`). */
export const detectDelimiter = (text: string): string => {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
};

/** A problem with the file itself: the import cannot go on (never retried). */
export class ImportFileError extends Error {}

export const isCsvError = (err: unknown): err is CsvError => err instanceof CsvError;

export const csvErrorMessage = (err: CsvError) => `The file is not valid CSV: ${err.message}`;

/** A record whose cells are all empty (blank lines, `,,,`): skipped, but it keeps its row number. */
export const isBlankRecord = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/**
 * Upload side: parses the file as its chunks go by (bounded memory) to refuse invalid CSV before anything
 * is queued, and to learn the header and the number of data rows.
 */
export const createCsvScanner = () => {
  let parser: ReturnType<typeof parse> | undefined;
  let header: string[] | undefined;
  let rows = 0;
  let failure: unknown;
  const start = (firstChunk: string) => {
    const p = parse(csvOptions(detectDelimiter(firstChunk)));
    p.on('data', (record: string[]) => {
      if (!header) header = record;
      else if (!isBlankRecord(record)) rows++;
    });
    p.on('error', (err) => {
      failure = err;
    });
    return p;
  };
  return {
    /** Feeds the next chunk (the first one decides the delimiter). */
    write: async (chunk: string) => {
      parser ??= start(chunk);
      const p = parser;
      if (!failure) await new Promise<void>((resolve) => p.write(chunk, () => resolve()));
      if (failure) throw failure;
    },
    end: async (): Promise<{ header: string[] | undefined; rows: number }> => {
      if (parser) {
        parser.end();
        await finished(parser).catch((err: unknown) => {
          failure ??= err;
        });
      }
      if (failure) throw failure;
      return { header, rows };
    },
  };
};

/**
 * Job side: the records of a stored file, read chunk by chunk through the streaming parser. Memory stays
 * bounded by one chunk page and one record whatever the file size.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const parser = parse(csvOptions(detectDelimiter(first.value)));
  const source = Readable.from(
    (async function* () {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  // Errors of either side end the loop below (the parser is destroyed with the error).
  const piped = pipeline(source, parser).catch(() => {});
  try {
    for await (const record of parser) yield record as string[];
  } finally {
    await piped;
  }
}
