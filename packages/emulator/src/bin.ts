// livechatai-emulator: start the emulator, or export/import a workspace of a database file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';
import { SqliteStore } from './store/sqlite-store.js';
import { hashKey } from './internal/ids.js';

const DEFAULT_DB = '.emulator-data/emulator.db';

const HELP = `Usage:
  livechatai-emulator [options]            start the emulator
  livechatai-emulator export --db <file> [--workspace <id>] [--out <file>]
  livechatai-emulator import --db <file> --in <file> [--api-key <key>]

Options:
  --port <n>          port (0 = any free port; default 4010)
  --host <host>       interface (default 127.0.0.1)
  --db <file>         SQLite file or :memory: (default ${DEFAULT_DB})
  --api-key <key>     ensure a workspace with this key (default: a new key is generated)
  --seed demo         seed a realistic demo workspace
  --rate-limit <n/s>  requests per second per key (default unlimited)
  --faults            enable the x-emulator-fault header
  --stream-delay <ms> pause between streamed events (default 20)
  --allow-private-urls
                      let URL data sources fetch loopback/private addresses
                      (local test pages; also LIVECHATAI_EMULATOR_ALLOW_PRIVATE_URLS=1)
  --quiet             no access log
  -h, --help          this text`;

class UsageError extends Error {}

function int(name: string, value: string | undefined, def: number, min: number, max: number): number {
  if (value === undefined) return def;
  const m = /^(\d+)(?:\/s)?$/.exec(value.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function ensureDir(file: string): void {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
}

async function exportCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const db = typeof values.db === 'string' ? values.db : DEFAULT_DB;
  if (!existsSync(db)) throw new UsageError(`no database at ${db}`);
  const store = new SqliteStore({ filename: db });
  try {
    const workspaces = await store.listWorkspaces();
    const id = typeof values.workspace === 'string' ? values.workspace : workspaces[0]?.id;
    const data = id === undefined ? undefined : await store.exportWorkspace(id);
    if (!data) throw new UsageError(id === undefined ? 'the database holds no workspace' : `workspace ${id} not found`);
    const json = `${JSON.stringify(data, null, 2)}\n`;
    if (typeof values.out === 'string') writeFileSync(values.out, json);
    else process.stdout.write(json);
  } finally {
    await store.close();
  }
}

async function importCommand(values: Record<string, string | boolean | undefined>): Promise<void> {
  const db = typeof values.db === 'string' ? values.db : DEFAULT_DB;
  if (typeof values.in !== 'string') throw new UsageError('import needs --in <file>');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(values.in, 'utf8'));
  } catch (err) {
    throw new UsageError(
      `${values.in} is not a JSON workspace export (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  ensureDir(db);
  const store = new SqliteStore({ filename: db });
  try {
    const workspaceId = await store.importWorkspace(data);
    if (typeof values['api-key'] === 'string') {
      await store.addApiKey({
        keyHash: hashKey(values['api-key']),
        workspaceId,
        readOnly: false,
        createdAt: Date.now(),
      });
    }
    process.stdout.write(`Imported workspace ${workspaceId} into ${db}\n`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'api-key': { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      faults: { type: 'boolean' },
      'stream-delay': { type: 'string' },
      'allow-private-urls': { type: 'boolean' },
      quiet: { type: 'boolean' },
      workspace: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const command = positionals[0];
  if (command === 'export') return exportCommand(values);
  if (command === 'import') return importCommand(values);
  if (command !== undefined) throw new UsageError(`unknown command '${command}'`);
  if (values.seed !== undefined && values.seed !== 'demo') throw new UsageError("--seed accepts only 'demo'");

  const db = values.db ?? DEFAULT_DB;
  ensureDir(db);
  const emulator = await startEmulator({
    port: int('port', values.port, 4010, 0, 65535),
    host: values.host ?? '127.0.0.1',
    db,
    ...(values['api-key'] !== undefined ? { apiKey: values['api-key'] } : {}),
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
    faults: values.faults ?? false,
    rateLimit: int('rate-limit', values['rate-limit'], 0, 0, 1_000_000),
    streamDelayMs: int('stream-delay', values['stream-delay'], 20, 0, 60_000),
    ...(values['allow-private-urls'] ? { allowPrivateUrls: true } : {}),
    // the bin owns its process: @hono/node-server's faster Request/Response classes may replace the globals
    overrideGlobalObjects: true,
    ...(values.quiet ? {} : { logger: (line: string) => process.stderr.write(`${line}\n`) }),
  });
  // The one place a key is printed: the user's own local key, on start.
  process.stdout.write(
    `LiveChatAI emulator listening on ${emulator.url}\nAPI key: ${emulator.apiKey}\nDatabase: ${db}\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (
    err instanceof UsageError ||
    (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    process.stderr.write(`livechatai-emulator: ${err.message}\n\n${HELP}\n`);
    process.exit(2);
  }
  process.stderr.write(`livechatai-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
