import type { DataSource } from 'livechatai';
import type { Context } from '../internal/context.js';
import { CliError, ExitCode, usageError } from '../internal/exit-codes.js';
import { confirm, readAll, requireConfirmation } from '../internal/prompt.js';
import { extractFile } from '../internal/extract.js';
import type { Column } from '../internal/output.js';
import { callOptions, createSdk, listBatches, pageQuery, pick } from '../internal/sdk.js';

type SourceType = 'WEBSITE' | 'TEXT' | 'QA' | 'PDF' | 'DOCX' | 'IMAGE';

const columns: Column<DataSource>[] = [
  { header: 'id', get: (d) => d.id },
  { header: 'source', get: (d) => d.source },
  { header: 'title', get: (d) => d.title },
  { header: 'url', get: (d) => d.url },
  { header: 'status', get: (d) => d.status },
  { header: 'chars', get: (d) => d.characterCount },
  { header: 'created', get: (d) => d.createdAt },
];

export async function list(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const params = { agentId: String(opts.agent), ...pick(opts, { source: 'source' }), ...pageQuery(opts, 'limit') };
  const pages = sdk.dataSources.list(params, callOptions(ctx));
  await ctx.printList(listBatches(ctx, pages, opts), columns);
}

export async function addText(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const content = opts.content === '-' ? await readAll(ctx.stdin) : String(opts.content);
  const sdk = await createSdk(ctx);
  const result = await sdk.dataSources.addText(
    { agentId: String(opts.agent), title: String(opts.title), content },
    callOptions(ctx),
  );
  await ctx.printRecord(result);
}

export async function addUrl(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const result = await sdk.dataSources.addUrl({ agentId: String(opts.agent), url: String(opts.url) }, callOptions(ctx));
  await ctx.printRecord(result);
}

export async function addQa(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const sdk = await createSdk(ctx);
  const result = await sdk.dataSources.addQA(
    {
      agentId: String(opts.agent),
      question: String(opts.question),
      answer: String(opts.answer),
      ...(opts.generatedByAi === true ? { isGeneratedByAI: true } : {}),
      ...(typeof opts.relatedMessage === 'string' ? { relatedMessageId: opts.relatedMessage } : {}),
    },
    callOptions(ctx),
  );
  await ctx.printRecord(result);
}

/**
 * `add-file`: extracts the text locally. A .pdf (or any file with --file-type) goes to
 * POST /data-sources/file with its fileType; .txt/.md/.html, which the API's fileType enum
 * (pdf, docx, image) does not cover, are added as a TEXT source with the file's title.
 */
export async function addFile(ctx: Context, [path]: string[], opts: Record<string, unknown>): Promise<void> {
  const extracted = await extractFile(path ?? '');
  if (extracted.text === '') throw usageError(`no text could be extracted from ${path ?? ''}`);
  const title = typeof opts.title === 'string' ? opts.title : extracted.title;
  const agentId = String(opts.agent);
  const fileType =
    (opts.fileType as 'pdf' | 'docx' | 'image' | undefined) ?? (extracted.kind === 'pdf' ? 'pdf' : undefined);
  const sdk = await createSdk(ctx);
  const result =
    fileType !== undefined
      ? await sdk.dataSources.addFile({ agentId, title, content: extracted.text, fileType }, callOptions(ctx))
      : await sdk.dataSources.addText({ agentId, title, content: extracted.text }, callOptions(ctx));
  if (ctx.json)
    await ctx.printRecord({ ...result, title, characters: extracted.text.length, fileType: fileType ?? null });
  else {
    await ctx.printRecord(result);
    ctx.note(`extracted ${String(extracted.text.length)} characters from ${path ?? ''} (${fileType ?? 'text'})`);
  }
}

export async function remove(ctx: Context, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const ids = opts.ids as string[] | undefined;
  if (opts.id === undefined && (ids === undefined || ids.length === 0))
    throw usageError('give --id <id> or --ids <id...>');
  const all = [...(typeof opts.id === 'string' ? [opts.id] : []), ...(ids ?? [])];
  const what = `${String(all.length)} ${String(opts.source)} data source${all.length === 1 ? '' : 's'} (${all.join(', ')}) of agent ${String(opts.agent)}`;
  requireConfirmation(ctx, opts, what);
  if (opts.yes !== true && !ctx.dryRun && !(await confirm(`Delete ${what}?`, ctx.stdin, process.stderr))) {
    throw new CliError('not confirmed; nothing was deleted', ExitCode.usage);
  }
  const sdk = await createSdk(ctx);
  const result = await sdk.dataSources.delete(
    {
      agentId: String(opts.agent),
      source: opts.source as SourceType,
      ...(typeof opts.id === 'string' ? { id: opts.id } : {}),
      ...(ids && ids.length > 0 ? { ids } : {}),
    },
    callOptions(ctx),
  );
  await ctx.printRecord(result);
}
export { remove as delete };
