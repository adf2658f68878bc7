// Packed-package tests: the published packages as users get them. Every published package is packed once
// (`pnpm pack`, which rewrites workspace: ranges); fresh npm projects outside the workspace install only those
// tarballs (third-party dependencies from the npm registry / cache) and use them for real.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProject,
  installedPackages,
  packAll,
  run,
  startEmulatorBin,
  TSC,
  type Packed,
  type Project,
  type RunningEmulator,
} from './helpers/projects.js';
import { buildVitePage } from './helpers/vite-page.js';
import { REACT_PAGE_BUDGET } from '@livechatai/size';

// The packages every test below needs. A missing one fails the test that needs it, naming the package.
const CORE = '@livechatai/core';
const CONTACTS = '@livechatai/contacts';
const CLI = '@livechatai/cli';
const REACT = '@livechatai/react';
const UMBRELLA = 'livechatai';

let packed: Packed;
let emulator: RunningEmulator;
const projects: Project[] = [];

beforeAll(async () => {
  packed = packAll();
  emulator = await startEmulatorBin();
});
afterAll(async () => {
  await emulator?.stop();
  for (const project of projects) project.cleanup();
  if (packed !== undefined) rmSync(packed.dir, { recursive: true, force: true });
});

function project(options: Parameters<typeof createProject>[1]): Project {
  const created = createProject(packed, options);
  projects.push(created);
  return created;
}

const emulatorEnv = () => ({ LCAI_URL: emulator.url, LCAI_KEY: emulator.apiKey, LCAI_AGENT: emulator.agentId });

describe('the tarballs', () => {
  it('exist for every published package, with real ranges and the files their manifest points at', () => {
    expect([...packed.tarballs.keys()]).toEqual(expect.arrayContaining([CORE, CONTACTS, CLI, REACT, UMBRELLA]));
    for (const [name, tarball] of packed.tarballs) {
      const manifest = JSON.parse(
        execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
      ) as {
        name: string;
        main?: string;
        module?: string;
        types?: string;
        bin?: Record<string, string>;
        exports?: unknown;
        dependencies?: Record<string, string>;
      };
      expect(manifest.name).toBe(name);
      expect(JSON.stringify(manifest), `${name} packed manifest`).not.toContain('workspace:');
      const files = new Set(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n'));
      const exported = (value: unknown): string[] =>
        typeof value === 'string'
          ? [value]
          : typeof value === 'object' && value !== null
            ? Object.values(value).flatMap(exported)
            : [];
      for (const file of [
        manifest.main,
        manifest.module,
        manifest.types,
        ...Object.values(manifest.bin ?? {}),
        ...exported(manifest.exports),
      ]) {
        if (file !== undefined)
          expect(files.has(`package/${file.replace(/^\.\//, '')}`), `${name}: ${file} is in the tarball`).toBe(true);
      }
      expect(
        [...files].some((f) => f.includes('/src/') || f.endsWith('.test.js')),
        `${name} ships no sources or tests`,
      ).toBe(false);
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) {
        const internal = packed.packages.find((p) => p.name === dep);
        if (internal !== undefined) expect(range, `${name} -> ${dep}`).toBe(`^${internal.version}`);
      }
    }
  });
});

const CONTACTS_SCRIPT = (imports: string) => `${imports}
const client = createClient({ apiKey: process.env.LCAI_KEY, baseURL: process.env.LCAI_URL });
const contacts = new Contacts(client);
const agentId = process.env.LCAI_AGENT;
async function main() {
  const { contactId } = await contacts.upsert({ agentId, distinctId: 'packed-' + process.argv[2], name: 'Packed ' + process.argv[2], attributes: { plan: 'pro' } });
  const contact = await contacts.retrieve(contactId);
  const listed = [];
  for await (const item of contacts.list({ agentId })) listed.push(item.id);
  let notFound = 'no error';
  try {
    await contacts.retrieve('contact_does_not_exist');
  } catch (error) {
    notFound = (isNotFoundError(error) ? 'NotFoundError ' : 'other ') + error.status;
  }
  let invalid = 'no error';
  try {
    await contacts.list({ agentId: '' });
  } catch (error) {
    invalid = error.name;
  }
  console.log(JSON.stringify({ contactId, name: contact.name, attributes: contact.attributes, listed: listed.includes(contactId), notFound, invalid }));
}
main().catch((error) => { console.error(error); process.exitCode = 1; });
`;

function expectContactsOutput(stdout: string, flavour: string) {
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  expect(result).toMatchObject({
    name: `Packed ${flavour}`,
    attributes: { plan: 'pro' },
    listed: true,
    notFound: 'NotFoundError 404',
    invalid: 'InvalidParameterError',
  });
  expect(result.contactId).toEqual(expect.any(String));
  expect(stdout).not.toContain(emulator.apiKey);
}

describe('Node projects using @livechatai/contacts alone', () => {
  it('ESM: installs contacts + core and nothing else, and works against the emulator', async () => {
    const esm = project({
      name: 'esm',
      type: 'module',
      use: [CONTACTS],
      files: {
        'index.js': CONTACTS_SCRIPT(
          `import { Contacts } from '@livechatai/contacts';\nimport { createClient, isNotFoundError } from '@livechatai/core';`,
        ),
      },
    });
    const install = await esm.install();
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    expect(installedPackages(esm.dir)).toEqual([CONTACTS, CORE]);
    const result = await run('node', ['index.js', 'esm'], { cwd: esm.dir, env: emulatorEnv() });
    expect(result.stderr).toBe('');
    expectContactsOutput(result.stdout, 'esm');
  });

  it('CommonJS: require() gets the CJS build and works against the emulator', async () => {
    const cjs = project({
      name: 'cjs',
      type: 'commonjs',
      use: [CONTACTS],
      files: {
        'index.js': CONTACTS_SCRIPT(
          // createClient through the resource package's re-export, the guards from core
          `const { Contacts, createClient } = require('@livechatai/contacts');\nconst { isNotFoundError } = require('@livechatai/core');\n` +
            `if (!require.resolve('@livechatai/contacts').endsWith('.cjs')) throw new Error('not the CJS build: ' + require.resolve('@livechatai/contacts'));`,
        ),
      },
    });
    const install = await cjs.install();
    expect(install.code).toBe(0);
    expect(installedPackages(cjs.dir)).toEqual([CONTACTS, CORE]);
    const result = await run('node', ['index.js', 'cjs'], { cwd: cjs.dir, env: emulatorEnv() });
    expect(result.stderr).toBe('');
    expectContactsOutput(result.stdout, 'cjs');
  });
});

describe('TypeScript consumers', () => {
  const example = `import { Contacts } from '@livechatai/contacts';
import { createClient, isNotFoundError, type Contact, type LiveChatAIClient } from '@livechatai/core';
import { LiveChatAI } from 'livechatai';

const client: LiveChatAIClient = createClient({ apiKey: 'key', baseURL: 'http://127.0.0.1:4010/api/v2' });
const contacts = new Contacts(client);

export async function firstContactName(agentId: string): Promise<string | null> {
  for await (const item of contacts.list({ agentId })) return item.name;
  return null;
}

export async function load(id: string): Promise<Contact | undefined> {
  try {
    return await contacts.retrieve(id);
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}

const ai = new LiveChatAI({ apiKey: 'key', baseURL: 'http://127.0.0.1:4010/api/v2' });
export const agents = ai.agents.list();
export const chatbots = ai.chatbots.list();

// The published types are real types, not \`any\`: each line below must be a type error.
// @ts-expect-error agentId is required
void contacts.list({});
// @ts-expect-error retrieve takes a string id
void contacts.retrieve(42);
// @ts-expect-error no such resource
void ai.nonexistent;
`;
  const cjsExample = `import { Contacts } from '@livechatai/contacts';
import { createClient } from '@livechatai/core';
export const contacts = new Contacts(createClient({ apiKey: 'key' }));
// @ts-expect-error agentId is required
void contacts.list({});
`;
  const base = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    lib: ['ES2022', 'DOM'],
    types: [] as string[],
    target: 'ES2022',
  };

  it('type-checks under moduleResolution node16 (ESM and CJS files) and bundler, with DOM types or with only @types/node', async () => {
    const ts = project({
      name: 'typescript',
      type: 'module',
      use: [CONTACTS, CORE, UMBRELLA],
      thirdParty: { '@types/node': '20.19.43' },
      files: {
        'src/example.ts': example,
        'src/example-cjs.cts': cjsExample,
        'tsconfig.node16.json': JSON.stringify({
          compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' },
          include: ['src'],
        }),
        'tsconfig.bundler.json': JSON.stringify({
          compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler' },
          files: ['src/example.ts'],
        }),
        // A Node server project: no DOM library, fetch/Response types from @types/node.
        'tsconfig.node-only.json': JSON.stringify({
          compilerOptions: { ...base, lib: ['ES2022'], types: ['node'], module: 'node16', moduleResolution: 'node16' },
          include: ['src'],
        }),
      },
    });
    const install = await ts.install();
    expect(install.code).toBe(0);
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json', 'tsconfig.node-only.json']) {
      const result = await run('node', [TSC, '-p', config], { cwd: ts.dir });
      expect(`${config}: ${result.stdout}${result.stderr}`).toBe(`${config}: `);
      expect(result.code).toBe(0);
    }
  });
});

describe('a Vite browser build with @livechatai/react', () => {
  it('builds, and the SDK adds no more than its budget to a bare React + TanStack Query page', async () => {
    const web = project({
      name: 'vite',
      type: 'module',
      use: [REACT, CORE],
      thirdParty: { react: '19.2.0', 'react-dom': '19.2.0', '@tanstack/react-query': '5.108.0' },
    });
    const install = await web.install();
    expect(install.code).toBe(0);
    const page = await buildVitePage(web.dir);
    expect(page.withSdk.files.length).toBeGreaterThan(0);
    expect(page.withSdk.text).toMatch(/LiveChatAI/);
    expect(page.baseline.text).not.toMatch(/LiveChatAI/);
    const added = page.withSdk.gzip - page.baseline.gzip;
    console.info(
      `Vite page: ${String(page.withSdk.gzip)} B gzip with the SDK, ${String(page.baseline.gzip)} B without; SDK share ${String(added)} B (budget ${String(REACT_PAGE_BUDGET)} B)`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added, `SDK share of the page: ${String(added)} B gzip`).toBeLessThanOrEqual(REACT_PAGE_BUDGET);
  });
});

describe('the livechatai CLI from its tarball', () => {
  it('prints its version and runs a real command against the emulator', async () => {
    const cli = project({ name: 'cli', type: 'module', use: [CLI] });
    const install = await cli.install();
    expect(install.code).toBe(0);
    const bin = join(cli.dir, 'node_modules', '.bin', 'livechatai');
    const version = await run(bin, ['--version'], { cwd: cli.dir });
    const expected = (
      JSON.parse(readFileSync(join(cli.dir, 'node_modules', '@livechatai', 'cli', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    expect(version.stdout.trim()).toBe(expected);
    expect(version.code).toBe(0);

    const env = {
      LIVECHATAI_API_KEY: emulator.apiKey,
      LIVECHATAI_BASE_URL: emulator.url,
      HOME: cli.dir,
      XDG_CONFIG_HOME: join(cli.dir, '.config'),
    };
    const list = await run(bin, ['--json', 'agents', 'list'], { cwd: cli.dir, env });
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(emulator.agentId);
    expect(`${list.stdout}${list.stderr}`).not.toContain(emulator.apiKey);

    const missing = await run(bin, ['--json', 'contacts', 'get', 'contact_does_not_exist'], { cwd: cli.dir, env });
    expect(missing.code).not.toBe(0);
    expect(`${missing.stdout}${missing.stderr}`).not.toContain(emulator.apiKey);
  });
});
