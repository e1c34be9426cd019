// Saved REST responses (ConnectWise Manage, Autotask) to Tables of text
// cells (issue 3 "Readers"). Each record is flattened with dotted column names
// (`company.name`); a key missing from a record is an empty cell, as the APIs
// leave null keys out. Accepted shapes: an array of records, Autotask's
// `{items: [...]}` and `{item: {...}}`, one record, or an object of named
// arrays (one table each). Keys named `__proto__`, `constructor` or
// `prototype` are never used: columns live in a Map and rows in arrays.
import type { ImportIssue } from '../../core/import/import-issue';
import type { Table } from '../../core/import/table';
import { numberToDecimalText } from '../../core/import/decimal-text';
import { failureText } from '../../core/failure-text';

export interface JsonRead {
  readonly tables: readonly Table[];
  readonly issues: readonly ImportIssue[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** ConnectWise's `_info` objects carry links, not data. */
const SKIPPED_KEYS = new Set(['_info']);
const MAX_DEPTH = 6;
const MAX_COLUMNS = 5_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(file: string, line: number | null, code: string, message: string, severity: 'error' | 'warning' = 'error'): ImportIssue {
  return { file, line, column: null, code, message, severity };
}

function leafText(value: Json): string | null {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToDecimalText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/** Flattens records into one Table; prototype-named keys and over-deep nesting are reported, not used. */
function tableOf(fileName: string, records: readonly Json[], issues: ImportIssue[]): Table {
  const columns = new Map<string, number>();
  const rows: { line: number; cells: string[] }[] = [];
  const forbidden = new Set<string>();
  // Columns where some value was a JSON string or boolean: not plain numbers.
  const notPlain = new Set<number>();
  let tooDeep = 0;
  records.forEach((record, index) => {
    const line = index + 1;
    if (!isObject(record)) {
      issues.push(issue(fileName, line, 'not-a-record', `item ${line} is not an object with named fields; it was not read`));
      return;
    }
    const cells: string[] = [];
    const stack: { path: string; value: Json; depth: number }[] = [{ path: '', value: record, depth: 0 }];
    while (stack.length > 0) {
      const { path, value, depth } = stack.pop()!;
      if (isObject(value)) {
        if (depth >= MAX_DEPTH) {
          tooDeep += 1;
          continue;
        }
        const keys = Object.keys(value);
        for (let position = keys.length - 1; position >= 0; position -= 1) {
          const key = keys[position]!;
          if (FORBIDDEN_KEYS.has(key)) {
            forbidden.add(key);
            continue;
          }
          if (SKIPPED_KEYS.has(key)) continue;
          stack.push({ path: path === '' ? key : `${path}.${key}`, value: value[key] ?? null, depth: depth + 1 });
        }
        continue;
      }
      // Lists inside a record (custom fields, user-defined fields) hold no balance data: primitives are joined, objects left out.
      const text = Array.isArray(value) ? (value.every((item) => !isObject(item) && !Array.isArray(item)) ? value.map((item) => leafText(item) ?? '').join(';') : null) : leafText(value);
      if (text === null) continue;
      let column = columns.get(path);
      if (column === undefined) {
        if (columns.size >= MAX_COLUMNS) continue;
        column = columns.size;
        columns.set(path, column);
      }
      cells[column] = text;
      if (typeof value !== 'number' && value !== null) notPlain.add(column);
    }
    rows.push({ line, cells });
  });
  for (const key of forbidden) issues.push(issue(fileName, null, 'forbidden-key', `the key "${key}" was ignored: it is not a field of any record`, 'warning'));
  if (tooDeep > 0) issues.push(issue(fileName, null, 'too-deep', `${tooDeep} value(s) nested more than ${MAX_DEPTH} levels deep were not read`, 'warning'));
  const width = columns.size;
  return {
    fileName,
    header: [...columns.keys()],
    rows: rows.map(({ line, cells }) => ({ line, cells: Array.from({ length: width }, (_, index) => cells[index] ?? '') })),
    plainColumns: [...columns.values()].filter((column) => !notPlain.has(column)),
  };
}

function parseErrorMessage(text: string, error: unknown): string {
  // V8 names a position in some versions and quotes a fragment of the file in others; keep what a clerk can use.
  const message = failureText(error).split(/, "|\.\.\."/)[0]!.replace(/ in JSON at position \d+.*$/s, '');
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const where = position ? ` on line ${text.slice(0, Number(position[1])).split('\n').length}` : '';
  return `the file is not valid JSON (${message.trim().replace(/,$/, '')})${where}; save the API response again`;
}

/** Reads JSON bytes (UTF-8) into one Table per record list, plus the issues found. */
export function readJson(bytes: Uint8Array, fileName: string): JsonRead {
  const issues: ImportIssue[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { tables: [], issues: [issue(fileName, null, 'unreadable-encoding', 'the file is not UTF-8 text, as JSON must be')] };
  }
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    return { tables: [], issues: [issue(fileName, null, 'invalid-json', parseErrorMessage(text, error))] };
  }
  const tables: Table[] = [];
  if (Array.isArray(data)) tables.push(tableOf(fileName, data, issues));
  else if (isObject(data) && Array.isArray(data.items)) tables.push(tableOf(fileName, data.items, issues));
  else if (isObject(data) && isObject(data.item)) tables.push(tableOf(fileName, [data.item], issues));
  else if (isObject(data)) {
    // A bundle: each named list of records is its own table; a plain record is a table of one.
    const lists = Object.keys(data).filter((key) => !FORBIDDEN_KEYS.has(key) && Array.isArray(data[key]) && (data[key] as Json[]).some(isObject));
    if (lists.length === 0) tables.push(tableOf(fileName, [data], issues));
    for (const key of lists) tables.push(tableOf(`${fileName} [${key}]`, data[key] as Json[], issues));
  } else issues.push(issue(fileName, null, 'not-records', 'the file holds no records: expected a list of objects or {"items": [...]}'));
  const nonEmpty = tables.filter((table) => table.rows.length > 0);
  if (nonEmpty.length === 0 && issues.length === 0) issues.push(issue(fileName, null, 'empty-file', 'the file holds no records'));
  return { tables: nonEmpty, issues };
}
