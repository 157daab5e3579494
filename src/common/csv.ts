import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheet exports: UTF-8 with a byte-order mark (so Excel reads the accents), `;` between
 * fields (the separator French spreadsheets expect), CRLF line ends, headers in French (the rows'
 * keys).
 */
export const CSV_OPTIONS = {
  header: true,
  delimiter: ';',
  record_delimiter: 'windows',
  bom: true,
} as const;

/** Rows as CSV; `columns` give the header line when there is no row. */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return stringify(rows, { ...CSV_OPTIONS, columns: rows.length > 0 ? undefined : columns });
}
