// `livechatai api -f key=value -F key=value`: parameters as gh builds them. `-f` values are strings; `-F`
// values are typed (true, false, null and numbers become JSON, `@file` reads a file, `@-` stdin). Keys nest:
// `attributes[plan]=pro` sets an object member, `ids[]=a` appends to an array.
import { readFile } from 'node:fs/promises';
import { usageError } from './exit-codes.js';

export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };

function parseKey(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!m) throw usageError(`invalid field name "${key}": use name, name[key] or name[]`);
  const rest = [...(m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((p) => p[1] ?? '');
  return [m[1] ?? key, ...rest];
}

function setPath(target: Record<string, FieldValue>, parts: readonly string[], value: FieldValue, key: string): void {
  let node: Record<string, FieldValue> | FieldValue[] = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsArray = parts[i + 1] === '';
    if (Array.isArray(node)) {
      if (part !== '') throw usageError(`field "${key}" mixes an array and an object`);
      if (last) node.push(value);
      else {
        const child: Record<string, FieldValue> | FieldValue[] = nextIsArray ? [] : {};
        node.push(child);
        node = child;
      }
      return;
    }
    if (part === '') throw usageError(`field "${key}": [] can only follow a name`);
    if (last) {
      node[part] = value;
      return;
    }
    const existing: FieldValue | undefined = node[part];
    if (existing === undefined) {
      const child: Record<string, FieldValue> | FieldValue[] = nextIsArray ? [] : {};
      node[part] = child;
      node = child;
    } else if (typeof existing === 'object' && existing !== null && Array.isArray(existing) === nextIsArray) {
      node = existing;
    } else throw usageError(`field "${key}" conflicts with an earlier field`);
  });
}

function splitPair(pair: string, flag: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw usageError(`${flag} expects key=value, got "${pair}"`);
  return [pair.slice(0, eq), pair.slice(eq + 1)];
}

async function typedValue(text: string, readStdin: () => Promise<string>): Promise<FieldValue> {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('@')) {
    const file = text.slice(1);
    if (file === '-') return (await readStdin()).replace(/\r?\n$/, '');
    try {
      return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
    } catch (error) {
      throw usageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return text;
}

/** Builds the parameter object from `-f` (string) and `-F` (typed) pairs. */
export async function buildFields(
  raw: readonly string[],
  typed: readonly string[],
  readStdin: () => Promise<string>,
): Promise<Record<string, FieldValue>> {
  const out: Record<string, FieldValue> = {};
  for (const pair of raw) {
    const [key, value] = splitPair(pair, '-f/--raw-field');
    setPath(out, parseKey(key), value, key);
  }
  for (const pair of typed) {
    const [key, value] = splitPair(pair, '-F/--field');
    setPath(out, parseKey(key), await typedValue(value, readStdin), key);
  }
  return out;
}

/** The fields as query parameters: scalars, or arrays of scalars (the key repeats). */
export function fieldsAsQuery(
  fields: Record<string, FieldValue>,
): Record<string, string | number | boolean | (string | number | boolean)[]> {
  const query: Record<string, string | number | boolean | (string | number | boolean)[]> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.some((v) => typeof v === 'object'))
        throw usageError(`field "${key}": a query parameter cannot hold nested values`);
      query[key] = value as (string | number | boolean)[];
    } else if (typeof value === 'object') throw usageError(`field "${key}": a query parameter cannot hold an object`);
    else query[key] = value;
  }
  return query;
}
