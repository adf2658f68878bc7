// Reads a contacts file (.csv with a header row, or .jsonl with one JSON object per line) into rows
// for `contacts import`. A row that cannot become a valid upsert is kept with its error, never dropped.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { usageError } from './exit-codes.js';

export interface ContactFields {
  distinctId: string;
  contactId?: string;
  userHash?: string;
  name?: string;
  email?: string;
  phone?: string;
  /** The contact's country field (a `country` column is not a custom attribute). */
  country?: string;
  attributes?: Record<string, string>;
}

export interface ImportRow {
  /** 1-based data row number (the CSV header is not counted). */
  row: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  distinctId: string | undefined;
  fields?: ContactFields;
  error?: string;
}

const FIELD_NAMES = ['distinctId', 'contactId', 'userHash', 'name', 'email', 'phone', 'country'] as const;
type FieldName = (typeof FIELD_NAMES)[number];
const FIELD_LOOKUP = new Map<string, FieldName>(FIELD_NAMES.map((f) => [f.toLowerCase(), f]));
for (const [alias, field] of [
  ['distinct_id', 'distinctId'],
  ['contact_id', 'contactId'],
  ['user_hash', 'userHash'],
] as const) {
  FIELD_LOOKUP.set(alias, field);
}

export type ImportFormat = 'csv' | 'jsonl';

export function detectFormat(file: string, explicit?: string): ImportFormat {
  const kind = (explicit ?? extname(file).slice(1)).toLowerCase();
  if (kind === 'csv') return 'csv';
  if (kind === 'jsonl' || kind === 'ndjson') return 'jsonl';
  throw usageError(`cannot tell the format of ${file}: use a .csv or .jsonl file, or --format csv|jsonl`);
}

function attributeValue(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Maps one record (column → value) to upsert fields. Known columns (case-insensitive; snake_case
 * aliases accepted) become fields; an `attributes` column holds a JSON object; every other
 * non-empty column becomes an attribute of that name.
 */
export function recordToFields(record: Record<string, unknown>): { fields?: ContactFields; error?: string } {
  const fields: Partial<ContactFields> = {};
  const attributes: Record<string, string> = {};
  for (const [key, raw] of Object.entries(record)) {
    const lower = key.trim().toLowerCase();
    if (lower === '') continue;
    const field = FIELD_LOOKUP.get(lower);
    if (field !== undefined) {
      if (raw === null || raw === undefined || raw === '') continue;
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: `${field} must be a string` };
      const text = String(raw).trim();
      if (text !== '') fields[field] = text;
      continue;
    }
    if (lower === 'attributes') {
      let value: unknown = raw;
      if (typeof raw === 'string') {
        if (raw.trim() === '') continue;
        try {
          value = JSON.parse(raw);
        } catch {
          return { error: 'attributes is not valid JSON' };
        }
      }
      if (value === null || value === undefined) continue;
      if (typeof value !== 'object' || Array.isArray(value)) return { error: 'attributes must be a JSON object' };
      for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
        const text = attributeValue(v);
        if (text !== undefined) attributes[name] = text;
      }
      continue;
    }
    const text = attributeValue(raw);
    if (text !== undefined) attributes[key.trim()] = text;
  }
  if (fields.distinctId === undefined) return { error: 'distinctId is missing' };
  const result: ContactFields = { ...fields, distinctId: fields.distinctId };
  if (Object.keys(attributes).length > 0) result.attributes = attributes;
  return { fields: result };
}

export function parseCsvRows(text: string): ImportRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    throw usageError(`the CSV file cannot be read: ${(error as Error).message}`);
  }
  const [head, ...body] = records;
  if (head === undefined) return [];
  const header = head.record.map((h) => h.trim());
  if (!header.some((h) => FIELD_LOOKUP.get(h.toLowerCase()) === 'distinctId')) {
    throw usageError('the CSV header has no distinctId column');
  }
  return body.map(({ record, info }, i) => {
    const row = i + 1;
    const line = info.lines;
    const asObject: Record<string, string> = {};
    header.forEach((h, c) => {
      asObject[h] = record[c] ?? '';
    });
    const distinctId = asObject[header.find((h) => FIELD_LOOKUP.get(h.toLowerCase()) === 'distinctId') ?? '']?.trim();
    const base = { row, line, distinctId: distinctId === '' ? undefined : distinctId };
    if (record.length !== header.length) {
      return { ...base, error: `expected ${String(header.length)} columns, found ${String(record.length)}` };
    }
    const { fields, error } = recordToFields(asObject);
    return fields ? { ...base, fields } : { ...base, error: error ?? 'invalid row' };
  });
}

export function parseJsonlRows(text: string): ImportRow[] {
  const rows: ImportRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((source, index) => {
    if (source.trim() === '') return;
    const base = { row: rows.length + 1, line: index + 1 };
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      rows.push({ ...base, distinctId: undefined, error: 'not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      rows.push({ ...base, distinctId: undefined, error: 'not a JSON object' });
      return;
    }
    const { fields, error } = recordToFields(value as Record<string, unknown>);
    const rawId = (value as Record<string, unknown>).distinctId;
    const distinctId = fields?.distinctId ?? (typeof rawId === 'string' && rawId !== '' ? rawId : undefined);
    rows.push(fields ? { ...base, distinctId, fields } : { ...base, distinctId, error: error ?? 'invalid row' });
  });
  return rows;
}

export async function readImportRows(file: string, format: ImportFormat): Promise<ImportRow[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return format === 'csv' ? parseCsvRows(text) : parseJsonlRows(text);
}
