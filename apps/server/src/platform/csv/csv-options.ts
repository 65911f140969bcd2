/**
 * The parser settings every CSV reader of the app shares (csv-parse). `record_delimiter`: CRLF, LF and CR
 * all end a record, mixed in one file (RFC 4180 plus real-world exports). Without it the parser keeps only
 * the first ending it meets, and rows ending otherwise melt into a field of the previous row — silently.
 */
export const csvBaseOptions = {
  bom: true,
  relax_column_count: true,
  record_delimiter: ['\r\n', '\n', '\r'],
} as const;
