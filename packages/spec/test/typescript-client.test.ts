// The document as a generated client sees it: openapi-typescript turns openapi.json into types, and a small
// client flow written against them type-checks under `strict` (and a deliberate type error does not).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiPath } from '../index.js';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'lcai-spec-openapi-ts-'));

beforeAll(async () => {
  const ast = await openapiTS(pathToFileURL(openapiPath));
  writeFileSync(join(dir, 'api.ts'), astToString(ast));
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = `import type { components, paths } from './api.js';
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type SendBody = Json<paths['/conversations']['post']['requestBody']>;
type SendAnswer = Json<paths['/conversations']['post']['responses'][200]>;
type StreamEvent = components['schemas']['StreamEvent'];
type DeleteBody = Json<NonNullable<paths['/data-sources']['delete']['requestBody']>>;
type AgentList = Json<paths['/agents']['get']['responses'][200]>;
type AgentQuery = NonNullable<paths['/agents']['get']['parameters']['query']>;
type ErrorBody = components['schemas']['Error'];
`;

/** A client flow: send, stream, list agents, delete data sources — each typed by the generated `paths`. */
const FLOW = `${HEADER}
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(\`http://127.0.0.1:4010/api/v2\${path}\`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return (await res.json()) as T;
}

export async function ask(question: string): Promise<string> {
  const body: SendBody = { question, agentId: 'clx123', responseFormat: 'PLAIN', streaming: false };
  const answer = await call<SendAnswer>('POST', '/conversations', body);
  const links: string[] = answer.data.links.map((l) => l.link);
  return answer.data.response + links.join(' ');
}

/** The events of a stream, narrowed by their \`event\` name. */
export function onEvent(e: StreamEvent): string {
  switch (e.event) {
    case 'delta':
      return e.data.text;
    case 'done':
      return e.data.conversationId + e.id;
    case 'error': {
      const err: ErrorBody = e.data;
      return err.code;
    }
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

export async function listSlugs(query: AgentQuery): Promise<(string | undefined)[]> {
  const list = await call<AgentList>('GET', \`/agents?page=\${query.page ?? 1}\`);
  // a list item's slug may be absent
  return list.data.map((a) => a.slug);
}

export const deletes: DeleteBody[] = [
  { agentId: 'clx123', source: 'TEXT', id: 'ds_1' },
  { agentId: 'clx123', source: 'QA', ids: ['ds_1', 'ds_2'] },
  { agentId: 'clx123', source: 'PDF', id: 'ds_1', ids: ['ds_2'] },
];
// @ts-expect-error neither id nor ids: not a DELETE /data-sources body (the body type is a union, not unknown)
export const noIds: DeleteBody = { agentId: 'clx123', source: 'TEXT' };
// @ts-expect-error an unknown source type
export const badSource: DeleteBody = { agentId: 'clx123', source: 'VIDEO', id: 'x' };
// @ts-expect-error a stream event has a known name
export const badEvent: StreamEvent = { event: 'progress', id: '1', data: { text: 'x' } };
`;

async function typecheck(file: string, source: string): Promise<{ code: number; out: string }> {
  writeFileSync(join(dir, file), source);
  const args = [
    tsc,
    '--noEmit',
    '--strict',
    '--noUncheckedIndexedAccess',
    '--target',
    'es2022',
    '--module',
    'esnext',
    '--moduleResolution',
    'bundler',
    '--lib',
    'es2022,dom',
    join(dir, file),
  ];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: dir });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('openapi-typescript on openapi.json', () => {
  it('generates types that a strict client flow type-checks against', async () => {
    const result = await typecheck('flow.ts', FLOW);
    expect(result.out).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it('fails the type check on a deliberate type error (the check can fail)', async () => {
    const broken = `${HEADER}
export const body: SendBody = { question: 42, agentId: 'clx123' };
export function text(e: StreamEvent): string {
  return e.data.text;
}
`;
    const result = await typecheck('broken.ts', broken);
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/broken\.ts\(\d+,\d+\): error TS2322/);
    expect(result.out).toMatch(/broken\.ts\(\d+,\d+\): error TS2339: Property 'text' does not exist/);
  }, 60_000);
});
