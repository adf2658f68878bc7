// `livechatai api`, output selection (--json fields, --jq, the 30-row default), safe deletes off a terminal,
// the contacts export → import round trip, first-contact hints, and agent-id completion, through the built binary.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@livechatai/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashCompletion } from '../src/internal/completion.js';
import { buildProgram } from '../src/program.js';
import {
  apiClient,
  assertNeverPrinted,
  baseEnv,
  binPath,
  isolatedHome,
  json,
  runCli,
  type RunResult,
} from './helpers/cli.js';

const KEY = 'lcai-test-api-key-8e1f3b5d7c9a20';
let emu: Emulator;
const home = isolatedHome();
let env: Record<string, string>;
const accessLog: string[] = [];
let agentId: string;

const cli = (...args: string[]): Promise<RunResult> => runCli(args, home, { env });
const ok = async <T = unknown>(...args: string[]): Promise<T> => {
  const r = await cli(...args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return json<T>(r);
};
/** Several JSON documents one after another (what --paginate prints). */
function documents(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth++ === 0) start = i;
    } else if ((ch === '}' || ch === ']') && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

let post: <T>(path: string, body: unknown) => Promise<T>;

beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    db: ':memory:',
    apiKey: KEY,
    streamDelayMs: 0,
    logger: (line) => accessLog.push(line),
  });
  env = { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: emu.url };
  const { send } = apiClient(emu.url, KEY);
  post = (path, body) => send('POST', path, body);
  // 35 agents: more than a list shows by default
  for (let i = 0; i < 35; i++) {
    const { data } = await post<{ data: { id: string } }>('/agents', {
      name: `Agent ${String(i).padStart(2, '0')}`,
      isLiveChatEnabled: false,
    });
    if (i === 0) agentId = data.id;
  }
});

afterAll(async () => {
  await emu.close();
  assertNeverPrinted(KEY);
});

describe('livechatai api', () => {
  it('GETs any path and prints the envelope as it came', async () => {
    const body = await ok<{
      status: string;
      data: { id: string }[];
      pages: { page: number; hasNext: boolean };
      totalCount: number;
    }>('api', 'GET', '/agents?limit=5');
    expect(body.status).toBe('success');
    expect(body.data).toHaveLength(5);
    expect(body.pages).toMatchObject({ page: 1, hasNext: true });
    expect(body.totalCount).toBe(35);
    // -f goes into the query of a GET; a path with the base URL's /api/v2 prefix is accepted as well
    const viaField = await ok<{ data: unknown[] }>('api', 'get', '/api/v2/agents', '-f', 'limit=2', '-f', 'page=2');
    expect(viaField.data).toHaveLength(2);
  });

  it('POSTs a JSON body built from -f/-F, or read from --input, with the SDK retries', async () => {
    const created = await ok<{ status: string; data: { id: string; question: string; isGeneratedByAI: boolean } }>(
      'api',
      'POST',
      '/data-sources/qa',
      '-f',
      `agentId=${agentId}`,
      '-f',
      'question=Refunds?',
      '-f',
      'answer=Within 30 days.',
      '-F',
      'isGeneratedByAI=true',
    );
    expect(created.status).toBe('success');
    const file = join(home, 'contact.json');
    writeFileSync(
      file,
      JSON.stringify({ agentId, distinctId: 'api-user', name: 'Api User', attributes: { plan: 'pro' } }),
    );
    const contact = await ok<{ status: string; contactId: string }>('api', 'POST', '/contacts', '--input', file);
    expect(contact.contactId).toMatch(/^contact_/);
    expect(await ok('contacts', 'get', contact.contactId, '--json', 'name,attributes')).toEqual({
      name: 'Api User',
      attributes: { plan: 'pro' },
    });

    // a 503 is retried by the SDK client (the same Idempotency-Key each time), then the call succeeds
    const faulty = isolatedHome();
    const faults = await startEmulator({
      port: 0,
      db: ':memory:',
      apiKey: KEY,
      faults: true,
      logger: (l) => accessLog.push(`faults ${l}`),
    });
    try {
      const { id } = await apiClient(faults.url, KEY).data<{ id: string }>('POST', '/agents', {
        name: 'F',
        isLiveChatEnabled: false,
      });
      // arm a 503 for this request and the next one (the arming request gets the first)
      await fetch(`${faults.url}/data-sources/text`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${KEY}`,
          'content-type': 'application/json',
          'x-emulator-fault': 'status=503;count=2',
        },
        body: '{}',
      });
      const r = await runCli(
        ['api', 'POST', '/data-sources/text', '-f', `agentId=${id}`, '-f', 'title=T', '-f', 'content=Some text.'],
        faulty,
        {
          env: { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: faults.url },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'success' });
      const statuses = accessLog
        .filter((l) => l.startsWith('faults POST /api/v2/data-sources/text'))
        .map((l) => / (\d{3}) /.exec(l)?.[1]);
      expect(statuses).toEqual(['503', '503', '200']);
    } finally {
      await faults.close();
    }
  });

  it('walks every page with --paginate, whichever paging scheme the endpoint uses', async () => {
    // scheme A: top-level `pages` (agents)
    const pages = documents((await cli('api', 'GET', '/agents', '-f', 'limit=10', '--paginate')).stdout) as {
      data: { id: string }[];
    }[];
    expect(pages).toHaveLength(4);
    expect(pages.flatMap((p) => p.data)).toHaveLength(35);
    expect(new Set(pages.flatMap((p) => p.data.map((a) => a.id))).size).toBe(35);
    const slurped = await ok<{ data: unknown[] }[]>('api', 'GET', '/agents', '-f', 'limit=20', '--paginate', '--slurp');
    expect(slurped.map((p) => p.data.length)).toEqual([20, 15]);

    // scheme B: `data.meta` (conversations, perPage)
    for (let i = 0; i < 5; i++) await post('/conversations', { agentId, question: `Question ${String(i)}` });
    const ids = await cli(
      'api',
      'GET',
      '/conversations',
      '-f',
      `agentId=${agentId}`,
      '-f',
      'perPage=2',
      '--paginate',
      '--jq',
      '.data.conversations[].id',
    );
    expect(ids.code, ids.stderr).toBe(0);
    expect(ids.stdout.trim().split('\n')).toHaveLength(5);

    // scheme A inside `data` (data sources)
    for (let i = 0; i < 2; i++)
      await post('/data-sources/text', { agentId, title: `T${String(i)}`, content: `Text number ${String(i)}.` });
    const sources = documents(
      (await cli('api', 'GET', '/data-sources', '-f', `agentId=${agentId}`, '-f', 'limit=1', '--paginate')).stdout,
    );
    expect(sources).toHaveLength(3); // the Q&A and two texts

    const misuse = await cli('api', 'POST', '/agents', '--paginate');
    expect(misuse.code).toBe(2);
  });

  it('prints an error body on stdout and the error on stderr, with the exit code', async () => {
    const r = await cli('api', 'GET', '/agents/clx_missing');
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', code: 'not_found' });
    expect(r.stderr).toMatch(/^livechatai: 404 .*not found/i);
    const bad = await cli('api', 'FETCH', '/agents');
    expect(bad.code).toBe(2);
  });
});

describe('output selection', () => {
  it('shows the first 30 rows by default, --limit or --all for others, fetching as few pages as needed', async () => {
    const before = accessLog.length;
    expect(await ok<unknown[]>('--json', 'agents', 'list')).toHaveLength(30);
    expect(accessLog.slice(before).filter((l) => l.startsWith('GET /api/v2/agents'))).toHaveLength(1);
    expect(await ok<unknown[]>('--json', 'agents', 'list', '--limit', '3')).toHaveLength(3);
    expect(await ok<unknown[]>('agents', 'list', '--all', '--json')).toHaveLength(35);
    expect((await cli('agents', 'list', '--all', '--limit', '3')).code).toBe(2);
  });

  it('--json with a field list keeps only those fields, on lists and records', async () => {
    const agents = await ok<Record<string, unknown>[]>('agents', 'list', '--limit', '2', '--json', 'id,name');
    expect(agents).toEqual([
      { id: expect.any(String), name: 'Agent 34' }, // newest first
      { id: expect.any(String), name: 'Agent 33' },
    ]);
    // still as the last word, and as --json=fields; a bare --json before the command keeps working
    expect(await ok('agents', 'get', agentId, '--json', 'name')).toEqual({ name: 'Agent 00' });
    expect(await ok('agents', 'get', agentId, '--json=name,isArchived')).toEqual({
      name: 'Agent 00',
      isArchived: false,
    });
    expect(await ok('--json', 'agents', 'get', agentId)).toHaveProperty('language');
    expect(await ok('agents', 'get', '--json', agentId)).toHaveProperty('language');
    const unknown = await cli('agents', 'get', agentId, '--json', 'name,nope');
    expect(json(unknown)).toEqual({ name: 'Agent 00', nope: null });
    expect(unknown.stderr).toBe('livechatai: warning: no field "nope" in the output (printed as null)\n');
  });

  it('--jq filters the JSON output (strings unquoted), and a broken expression is refused before any request', async () => {
    const names = await cli('agents', 'list', '--limit', '3', '--jq', '.[].name');
    expect(names.stdout).toBe('Agent 34\nAgent 33\nAgent 32\n');
    const count = await cli('agents', 'list', '--all', '--jq', 'length');
    expect(count.stdout).toBe('35\n');
    const picked = await cli('agents', 'get', agentId, '--json', 'id,name', '--jq', '{n: .name}');
    expect(JSON.parse(picked.stdout)).toEqual({ n: 'Agent 00' });
    const before = accessLog.length;
    const broken = await cli('agents', 'list', '--jq', '.[] |||');
    expect(broken.code).toBe(2);
    // --jq implies --json, so the error is a JSON object too
    expect(JSON.parse(broken.stderr)).toEqual({
      error: {
        message: expect.stringMatching(/^invalid --jq expression: jq: error: syntax error.* line 1: \.\[\] \|\|\|$/),
        code: 'usage',
        exitCode: 2,
      },
    });
    expect(accessLog.length).toBe(before);
  });

  it('prints errors as one JSON object on stderr with --json', async () => {
    const r = await cli('--json', 'agents', 'get', 'clx_missing');
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({
      error: {
        message: expect.stringMatching(/not found/i),
        code: 'not_found',
        status: 404,
        requestId: expect.any(String),
        exitCode: 4,
      },
    });
    const usage = await cli('--json', 'agents', 'lst');
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toMatchObject({ error: { code: 'usage', exitCode: 2 } });
  });
});

describe('deletes off a terminal', () => {
  it('refuse without --yes (exit 2, nothing sent) and go ahead with it', async () => {
    const { data } = await post<{ data: { id: string } }>('/agents', { name: 'Keep Me', isLiveChatEnabled: false });
    const before = accessLog.length;
    const refused = await cli('agents', 'delete', data.id);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `livechatai: refusing to delete agent ${data.id} without --yes: stdin is not a terminal, so there is no one to ask\n`,
    );
    const sources = await cli('data-sources', 'delete', '--agent', data.id, '--source', 'TEXT', '--id', 'ds_1');
    expect(sources.code).toBe(2);
    expect(accessLog.length).toBe(before);
    expect((await cli('agents', 'get', data.id)).code).toBe(0);
    expect((await cli('agents', 'delete', data.id, '-y')).code).toBe(0);
    expect((await cli('agents', 'get', data.id)).code).toBe(4);
  });
});

describe('contacts export → import', () => {
  it('round-trips every contact in the same columns, with exact counts', async () => {
    const source = (await post<{ data: { id: string } }>('/agents', { name: 'Source', isLiveChatEnabled: false })).data
      .id;
    const target = (await post<{ data: { id: string } }>('/agents', { name: 'Target', isLiveChatEnabled: false })).data
      .id;
    for (let i = 0; i < 12; i++) {
      await post('/contacts', {
        agentId: source,
        distinctId: `u-${String(i)}`,
        name: `Person, "${String(i)}"`,
        ...(i % 2 === 0 ? { email: `p${String(i)}@example.com` } : {}),
        ...(i % 3 === 0 ? { attributes: { plan: i % 2 ? 'free' : 'pro', seats: String(i) } } : {}),
      });
    }
    // a visitor message with a country sets the contact's country
    const { contactId } = await post<{ contactId: string }>('/contacts', {
      agentId: source,
      distinctId: 'u-de',
      name: 'Berlin',
    });
    await post('/conversations', { agentId: source, contactId, question: 'Hallo', country: 'DE' });

    const csv = join(home, 'contacts.csv');
    const exported = await cli('contacts', 'export', '--agent', source, '--out', csv);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe(`exported 13 contacts to ${csv}\n`);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('distinctId,name,email,phone,country,attributes');
    expect(lines).toHaveLength(14);
    expect(lines).toContain('u-de,Berlin,,,DE,');
    expect(lines).toContain('u-0,"Person, ""0""",p0@example.com,,,"{""plan"":""pro"",""seats"":""0""}"');

    // import into another agent: all created; again into the source agent: all updated
    expect((await cli('contacts', 'import', csv, '--agent', target)).stdout).toBe(
      '13 rows: 13 created, 0 updated, 0 failed\n',
    );
    expect((await cli('contacts', 'import', csv, '--agent', source)).stdout).toBe(
      '13 rows: 0 created, 13 updated, 0 failed\n',
    );

    // the country column goes to the contact's country field, never into attributes
    const dry = await cli('--dry-run', 'contacts', 'import', csv, '--agent', target);
    const berlin = dry.stdout.split('\n').find((l) => l.includes('"distinctId":"u-de"')) ?? '';
    expect(berlin).toContain(`--data-raw '{"agentId":"${target}","distinctId":"u-de","name":"Berlin","country":"DE"}'`);

    // the target's export matches the source's (the emulator keeps no country from POST /contacts, so that column is left out)
    const jsonl = (agent: string) => cli('contacts', 'export', '--agent', agent, '--format', 'jsonl');
    const rows = (r: RunResult): unknown[] =>
      r.stdout
        .trim()
        .split('\n')
        .map((l) => {
          const row = JSON.parse(l) as Record<string, unknown>;
          delete row.country;
          return row;
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(rows(await jsonl(target))).toEqual(rows(await jsonl(source)));
    const one = await cli(
      'contacts',
      'export',
      '--agent',
      source,
      '--format',
      'jsonl',
      '--limit',
      '1',
      '--json',
      'distinctId',
    );
    expect(Object.keys(JSON.parse(one.stdout) as object)).toEqual(['distinctId']);
  });
});

describe('first contact', () => {
  it('names the host it could not reach and suggests --base-url', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => {
          resolve(port);
        });
      });
    });
    const url = `http://127.0.0.1:${String(closed)}/api/v2`;
    const r = await runCli(['--max-retries', '0', 'agents', 'list'], home, {
      env: { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: url },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `livechatai: cannot connect to 127.0.0.1:${String(closed)} (connection refused) [GET /agents]\n` +
        `livechatai: hint: is ${url} (from LIVECHATAI_BASE_URL) the right API URL? Pass --base-url <url>, set LIVECHATAI_BASE_URL, or run \`livechatai login\`\n`,
    );
    const j = await runCli(['--json', '--max-retries', '0', 'agents', 'list'], home, {
      env: { LIVECHATAI_API_KEY: KEY, LIVECHATAI_BASE_URL: url },
    });
    expect(JSON.parse(j.stderr)).toMatchObject({
      error: { code: 'connection_error', hint: expect.stringContaining('--base-url') },
    });
  });

  it('suggests livechatai login on a 401', async () => {
    const other = isolatedHome();
    const r = await runCli(
      ['--profile', 'work', '--api-key', 'lcai-not-a-key-0000000000', '--base-url', emu.url, 'agents', 'list'],
      other,
    );
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[1]).toBe(
      'livechatai: hint: run `livechatai --profile work login` to store a valid key (the key in use is --api-key)',
    );
  });
});

describe('completion of agent ids', () => {
  it('lists agent ids from the API, cached, and bash offers them after --agent and for chat', async () => {
    const cacheHome = isolatedHome();
    const cacheEnv = { ...env, XDG_CACHE_HOME: join(cacheHome, 'cache'), LIVECHATAI_LOG: 'debug' };
    const first = await runCli(['__complete', 'agents'], cacheHome, { env: cacheEnv });
    expect(first.code).toBe(0);
    const ids = first.stdout.trim().split('\n');
    expect(ids).toContain(agentId);
    expect(first.stderr).toContain('GET /api/v2/agents');
    const again = await runCli(['__complete', 'agents', '--shell', 'fish'], cacheHome, { env: cacheEnv });
    expect(again.stdout).toContain(`${agentId}\tAgent 00\n`);
    expect(again.stderr).toBe(''); // from the cache: no request
    expect(readFileSync(join(cacheHome, 'cache', 'livechatai', 'completion.json'), 'utf8')).not.toContain(KEY);
    // no key, no network: nothing, quietly
    const none = await runCli(['__complete', 'agents'], isolatedHome());
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: '' });

    // bash, with `livechatai` on the PATH
    const bin = join(cacheHome, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'livechatai'), `#!/bin/sh\nexec '${process.execPath}' '${binPath}' "$@"\n`);
    chmodSync(join(bin, 'livechatai'), 0o755);
    const script = bashCompletion(
      buildProgram('0.0.0', () => {
        throw new Error('not used');
      }),
    );
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const cmd = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})\nCOMP_CWORD=${String(words.length - 1)}\n_livechatai\nprintf '%s\\n' "\${COMPREPLY[@]}"`;
      const vars = {
        ...baseEnv(cacheHome),
        ...env,
        XDG_CACHE_HOME: join(cacheHome, 'cache'),
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      };
      return execFileSync('bash', ['-c', cmd], { encoding: 'utf8', env: vars }).split('\n').filter(Boolean);
    };
    expect(complete(`livechatai contacts list --agent ${agentId.slice(0, 6)}`)).toContain(agentId);
    expect(complete('livechatai chat ')).toContain(agentId);
    expect(complete('livechatai chat --')).not.toContain(agentId);
  });
});
