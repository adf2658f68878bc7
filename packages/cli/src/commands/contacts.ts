import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Contact, ContactListItem, ContactUpsertParams } from 'livechatai';
import type { Context } from '../internal/context.js';
import { CliError, ExitCode, usageError } from '../internal/exit-codes.js';
import { detectFormat, readImportRows, type ImportRow } from '../internal/import-rows.js';
import type { Column } from '../internal/output.js';
import { csvRow } from '../internal/csv.js';
import { toNdjsonLine, write } from '../internal/output.js';
import { runPool } from '../internal/pool.js';
import { ProgressBar } from '../internal/progress.js';
import { isDryRunStop } from '../internal/dry-run.js';
import { callOptions, createSdk, listBatches, pageBatches, pageQuery, pick } from '../internal/sdk.js';
import { closeOut, conversationColumns, conversationFilterMap, openOut } from './shared.js';

const listColumns: Column<ContactListItem>[] = [
  { header: 'id', get: (c) => c.id },
  { header: 'distinct id', get: (c) => c.distinctId },
  { header: 'name', get: (c) => c.name },
  { header: 'email', get: (c) => c.email },
  { header: 'phone', get: (c) => c.phone },
  { header: 'country', get: (c) => c.country },
  { header: 'created', get: (c) => c.createdAt },
];

function parseAttributes(opts: Record<string, unknown>): Record<string, string> | undefined {
  let attributes: Record<string, string> | undefined;
  if (typeof opts.attributes === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(opts.attributes);
    } catch {
      throw usageError('--attributes must be a JSON object, e.g. \'{"plan":"pro"}\'');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw usageError('--attributes must be a JSON object');
    }
    attributes = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      attributes[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
  }
  for (const pair of (opts.attribute as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usageError(`--attribute expects key=value, got "${pair}"`);
    attributes ??= {};
    attributes[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return attributes;
}

export async function upsert(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const attributes = parseAttributes(opts);
  const sdk = await createSdk(ctx);
  const params = {
    agentId: String(opts.agent),
    distinctId: String(opts.distinctId),
    ...pick(opts, { contactId: 'contactId', userHash: 'userHash', name: 'name', email: 'email', phone: 'phone' }),
    ...(attributes ? { attributes } : {}),
  } as ContactUpsertParams;
  const result = await sdk.contacts.upsert(params, callOptions(ctx));
  if (ctx.json) await ctx.printRecord(result);
  else await ctx.say(result.contactId);
}

export async function list(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const pages = sdk.contacts.list({ agentId: String(opts.agent), ...pageQuery(opts, 'limit') }, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), listColumns);
}

export async function get(ctx: Context, [id]: string[]): Promise<void> {
  const sdk = await createSdk(ctx);
  const contact: Contact = await sdk.contacts.retrieve(id ?? '', callOptions(ctx));
  await ctx.printRecord(contact);
}

export async function conversations(ctx: Context, [id]: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const filters = { ...pick(opts, conversationFilterMap), ...pageQuery(opts, 'perPage') };
  const pages = sdk.contacts.listConversations(id ?? '', filters, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), conversationColumns);
}

interface Failure {
  row: number;
  line: number;
  distinctId: string | null;
  error: string;
  status?: number;
  code?: string;
}

function describe(error: unknown): { error: string; status?: number; code?: string } {
  const e = error as { message?: unknown; status?: unknown; code?: unknown };
  const out: { error: string; status?: number; code?: string } = {
    error: typeof e.message === 'string' ? e.message.replace(/\s*\n\s*/g, ' ') : String(error),
  };
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.code === 'string') out.code = e.code;
  return out;
}

/**
 * `contacts import`: every row is upserted with bounded concurrency (429/5xx are retried by the SDK,
 * with the same idempotency key). Created vs updated: the agent's existing contacts are listed first;
 * a returned contact id seen before (in that list, or earlier in this import) counts as updated.
 */
export async function importContacts(ctx: Context, [file]: string[], opts: Record<string, unknown>): Promise<void> {
  const path = file ?? '';
  const agentId = String(opts.agent);
  const format = detectFormat(path, opts.format as string | undefined);
  const rows = await readImportRows(path, format);
  const concurrency = typeof opts.concurrency === 'number' ? opts.concurrency : 8;
  const sdk = await createSdk(ctx, { maxRetries: 8, noRetryBudget: true });

  const known = new Set<string>();
  if (!ctx.dryRun) {
    for await (const contact of sdk.contacts.list({ agentId, limit: 100 }, callOptions(ctx))) known.add(contact.id);
  }

  const failures: Failure[] = [];
  let created = 0;
  let updated = 0;
  let done = 0;
  const bar = new ProgressBar(ctx.stderr, 'importing', rows.length);
  const tick = (): void => {
    done += 1;
    bar.update(done, `created ${String(created)} updated ${String(updated)} failed ${String(failures.length)}`);
  };
  const fail = (row: ImportRow, detail: { error: string; status?: number; code?: string }): void => {
    failures.push({ row: row.row, line: row.line, distinctId: row.distinctId ?? null, ...detail });
  };

  await runPool(
    rows,
    concurrency,
    async (row) => {
      if (row.fields === undefined) {
        fail(row, { error: row.error ?? 'invalid row' });
        tick();
        return;
      }
      try {
        // `country` is sent as the contact's own field (ContactUpsertParams does not declare it)
        const params = { agentId, ...row.fields } as ContactUpsertParams;
        const { contactId } = await sdk.contacts.upsert(params, callOptions(ctx));
        if (known.has(contactId)) updated += 1;
        else {
          known.add(contactId);
          created += 1;
        }
      } catch (error) {
        if (isDryRunStop(error)) return;
        if (ctx.signal.aborted) return;
        fail(row, describe(error));
      }
      tick();
    },
    ctx.signal,
  );
  bar.finish();
  failures.sort((a, b) => a.row - b.row);

  if (ctx.dryRun) {
    // The curl lines are on stdout; rows that could not become a request are still reported.
    for (const f of failures) ctx.stderr.write(`row ${String(f.row)} (line ${String(f.line)}): ${f.error}\n`);
    ctx.note(
      `dry run: ${String(rows.length - failures.length)} requests shown, ${String(failures.length)} invalid rows`,
    );
    if (failures.length > 0)
      throw new CliError(`${String(failures.length)} of ${String(rows.length)} rows are invalid`, ExitCode.other);
    return;
  }
  const skipped = rows.length - created - updated - failures.length;
  const summary = { total: rows.length, created, updated, failed: failures.length, notProcessed: skipped, failures };
  if (ctx.json) await ctx.printRecord(summary);
  else {
    for (const f of failures) {
      ctx.stderr.write(
        `row ${String(f.row)} (line ${String(f.line)}${f.distinctId ? `, distinctId ${f.distinctId}` : ''}): ${f.error}\n`,
      );
    }
    await write(
      ctx.stdout,
      `${String(rows.length)} rows: ${String(created)} created, ${String(updated)} updated, ${String(failures.length)} failed` +
        (skipped > 0 ? `, ${String(skipped)} not processed (interrupted)` : '') +
        '\n',
    );
  }
  if (typeof opts.report === 'string') {
    const handle = await open(opts.report, 'w').catch((error: unknown) => {
      throw new CliError(
        `cannot write the report ${String(opts.report)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    });
    try {
      for (const f of failures) await handle.write(toNdjsonLine(f));
    } finally {
      await handle.close();
    }
  }
  if (ctx.signal.aborted) throw new CliError('interrupted', ExitCode.interrupted);
  if (failures.length > 0)
    throw new CliError(`${String(failures.length)} of ${String(rows.length)} rows failed`, ExitCode.other);
}
export { importContacts as import };

/** The columns of `contacts export`: the ones `contacts import` reads back (no id, so another agent can take them). */
export const EXPORT_COLUMNS = ['distinctId', 'name', 'email', 'phone', 'country', 'attributes'] as const;

type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], unknown>;

function exportRow(item: ContactListItem, attributes: Record<string, string> | undefined): ExportRow {
  return {
    distinctId: item.distinctId,
    name: item.name,
    email: item.email,
    phone: item.phone,
    country: item.country,
    attributes: attributes ?? {},
  };
}

/**
 * `contacts export`: every contact of an agent (all pages, written as each arrives) as CSV or JSONL, in the
 * columns `contacts import` reads. The list has no attributes, so each contact is retrieved for them (8 at a
 * time) unless --no-attributes.
 */
export async function exportContacts(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const format = opts.format === 'jsonl' ? 'jsonl' : 'csv';
  const withAttributes = opts.attributes !== false;
  const limit = typeof opts.limit === 'number' ? opts.limit : Infinity;
  const sdk = await createSdk(ctx, { noRetryBudget: true });
  const out: Writable = typeof opts.out === 'string' ? await openOut(opts.out) : ctx.stdout;
  const bar = new ProgressBar(ctx.stderr, 'exporting');
  let count = 0;
  try {
    const first = await sdk.contacts.list(
      { agentId: String(opts.agent), limit: Math.min(100, limit) },
      callOptions(ctx),
    );
    const total = first.pageInfo.totalItems;
    if (total !== undefined) bar.setTotal(Math.min(total, limit));
    if (format === 'csv') await write(out, csvRow(EXPORT_COLUMNS));
    for await (const items of pageBatches(first, limit)) {
      if (ctx.signal.aborted) break;
      const attributes = new Map<string, Record<string, string>>();
      if (withAttributes) {
        await runPool(
          items,
          8,
          async (item) => {
            attributes.set(item.id, (await sdk.contacts.retrieve(item.id, callOptions(ctx))).attributes);
          },
          ctx.signal,
        );
      }
      for (const item of items) {
        const row = exportRow(item, attributes.get(item.id));
        if (format === 'csv') {
          const attrs = row.attributes as Record<string, string>;
          await write(
            out,
            csvRow(
              EXPORT_COLUMNS.map((c) => (c === 'attributes' ? (Object.keys(attrs).length > 0 ? attrs : '') : row[c])),
            ),
          );
        } else await ctx.emit(row, out);
        count += 1;
        bar.update(count);
      }
    }
  } finally {
    bar.finish();
    if (out !== ctx.stdout) await closeOut(out);
  }
  if (ctx.signal.aborted) throw new CliError('interrupted', ExitCode.interrupted);
  if (typeof opts.out === 'string') ctx.note(`exported ${String(count)} contacts to ${opts.out}`);
}
export { exportContacts as export };
