// @ts-check
// The measured entries: small programs that import from the BUILT packages (their dist, through the
// package exports), bundled for the browser. `budget` is in bytes of min+gzip; 1 kB = 1000 bytes.
// Rows without a budget are reference rows, printed for information only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} SizeEntry
 * @property {string} name          row label
 * @property {string[]} packages    folders under packages/ the entry imports from
 * @property {string} code          the entry module (ESM)
 * @property {number | null} budget max min+gzip bytes enforced by the test run, or null for a reference row
 * @property {number | null} [goal] the target the issues set, when the enforced budget is still above it (printed, not
 *                                  enforced: the enforced budget is today's size, so it catches every regression)
 * @property {string[]} [external]  modules left out of the bundle (peer dependencies such as react)
 * @property {string} [contains]    a string the bundle must contain (comparison rows: proof that the other
 *                                  library's code really is in it, not tree-shaken to nothing)
 */

export const KB = 1000;

/** The installed version of a comparison package (a devDependency here), for its row label. */
function installedVersion(/** @type {string} */ name) {
  try {
    const manifest = fileURLToPath(import.meta.resolve(`../node_modules/${name}/package.json`));
    return /** @type {{ version: string }} */ (JSON.parse(readFileSync(manifest, 'utf8'))).version;
  } catch {
    return 'not installed';
  }
}

/*
 * Budgets are ceilings, not goals (issue 12 retired the 4 kB / 4.5 kB goals: readable code wins every tie):
 * core + one request ≤ 4.6 kB; core + one resource with one call ≤ 5.6 kB; messages (whose class carries
 * streaming, so every messages bundle does) ≤ 6.8 kB; the umbrella ≤ 14 kB. A change that crosses one fails the run.
 */

/** Peer dependencies of @livechatai/react, left out of its bundles. */
const REACT_EXTERNALS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];

/** @param {string} pkg folder @param {string} cls export @param {string} call method call on the instance */
const oneCall = (pkg, cls, call) =>
  [
    `import { createClient } from '@livechatai/core';`,
    `import { ${cls} } from '@livechatai/${pkg}';`,
    `const client = createClient({ apiKey: 'key', baseURL: 'https://app.livechatai.com/api/v2' });`,
    `export const result = new ${cls}(client).${call};`,
  ].join('\n');

/**
 * What @livechatai/react (provider + useChat, with core and messages) may add, min+gzip, to a page that already
 * has React and TanStack Query. Checked twice: by the esbuild row below (react and react-query external) and by
 * the packed-package Vite build in @livechatai/release-tests (page with the SDK minus the same page without it).
 */
export const REACT_PAGE_BUDGET = 16.4 * KB; // 10 kB until useChat gained the handler mode, queueing, recovery, polling and storage

/** Resource folder, class and the one list call measured for "core + one resource". */
export const RESOURCES = /** @type {const} */ ([
  ['agents', 'Agents', `list({ limit: 10 })`],
  ['conversations', 'Conversations', `list({ agentId: 'agent' })`],
  ['messages', 'Messages', `list('conversation')`],
  ['contacts', 'Contacts', `list({ agentId: 'agent' })`],
  ['data-sources', 'DataSources', `list({ agentId: 'agent' })`],
  ['ai-suggestions', 'AISuggestions', `list({ agentId: 'agent' })`],
  ['analytics', 'Analytics', `overview({ agentId: 'agent', startDate: '2026-01-01', endDate: '2026-01-31' })`],
]);

/** @type {SizeEntry[]} */
export const ENTRIES = [
  {
    name: 'core: createClient + one request',
    packages: ['core'],
    code: [
      `import { createClient } from '@livechatai/core';`,
      `const client = createClient({ apiKey: 'key', baseURL: 'https://app.livechatai.com/api/v2' });`,
      `export const result = client.request({ method: 'GET', path: '/agents' });`,
    ].join('\n'),
    // today's size: the issue-12/13 transport (validation, redirects, size caps, withOptions, the env logger) and
    // the shared chunk of the internal entry took it over the 4.6 kB ceiling; back under it is open work
    budget: 6.6 * KB,
    goal: 4.6 * KB,
  },
  ...RESOURCES.map(([pkg, cls, call]) => ({
    name: `core + ${pkg}: one ${call.slice(0, call.indexOf('('))} call`,
    packages: ['core', pkg],
    code: oneCall(pkg, cls, call),
    // messages' budget includes streaming
    budget: pkg === 'messages' ? 10 * KB : 8.9 * KB,
    goal: pkg === 'messages' ? 6.8 * KB : 5.6 * KB,
  })),
  {
    name: 'core + messages: stream',
    packages: ['core', 'messages'],
    code: oneCall('messages', 'Messages', `stream({ agentId: 'agent', question: 'Hi' })`),
    budget: 10 * KB,
    goal: 6.8 * KB,
  },
  {
    name: 'livechatai: client using every resource',
    packages: ['livechatai'],
    code: [
      `import { LiveChatAI } from 'livechatai';`,
      `const ai = new LiveChatAI({ apiKey: 'key', baseURL: 'https://app.livechatai.com/api/v2' });`,
      `const range = { agentId: 'agent', startDate: '2026-01-01', endDate: '2026-01-31' };`,
      `export const results = [`,
      `  ai.agents.list(), ai.chatbots.retrieve('agent'), ai.conversations.list({ agentId: 'agent' }),`,
      `  ai.messages.send({ agentId: 'agent', question: 'Hi' }), ai.messages.stream({ agentId: 'agent', question: 'Hi' }),`,
      `  ai.contacts.list({ agentId: 'agent' }), ai.dataSources.list({ agentId: 'agent' }),`,
      `  ai.aiSuggestions.list({ agentId: 'agent' }), ai.analytics.overview(range),`,
      `];`,
    ].join('\n'),
    budget: 14 * KB,
  },
  {
    name: 'react: provider + useChat (react, react-query external)',
    packages: ['core', 'react'],
    code: [
      `import { createClient } from '@livechatai/core';`,
      `import { LiveChatAIProvider, useChat } from '@livechatai/react';`,
      `export const client = createClient({ apiKey: null, baseURL: 'https://example.com/api/livechat' });`,
      `export { LiveChatAIProvider, useChat };`,
    ].join('\n'),
    budget: REACT_PAGE_BUDGET,
    goal: 12 * KB,
    external: REACT_EXTERNALS,
  },
  {
    name: 'react: useChat over the chat handler (a visitor page: no client)',
    packages: ['core', 'react'],
    code: [`import { useChat } from '@livechatai/react';`, `export { useChat };`].join('\n'),
    budget: 12.2 * KB,
    goal: 10 * KB,
    external: REACT_EXTERNALS,
  },
  // Reference rows: a package's whole public surface, nothing tree-shaken away.
  ...['core', ...RESOURCES.map(([pkg]) => pkg), 'livechatai'].map((pkg) => ({
    name: `reference: all of ${pkg}`,
    packages: [pkg],
    code: `export * from '${pkg === 'livechatai' ? 'livechatai' : `@livechatai/${pkg}`}';`,
    budget: null,
  })),
  {
    name: 'reference: all of react (react external)',
    packages: ['react'],
    code: `export * from '@livechatai/react';`,
    budget: null,
    external: REACT_EXTERNALS,
  },
  // Comparison rows: other TypeScript clients for REST APIs, measured the same way in the same run (the versions
  // pinned in package.json). Reference rows: no budget.
  {
    name: `compare: openai ${installedVersion('openai')}: client + one request`,
    packages: [],
    code: [
      `import OpenAI from 'openai';`,
      `const client = new OpenAI({ apiKey: 'key', dangerouslyAllowBrowser: true });`,
      `export const result = client.models.list();`,
    ].join('\n'),
    budget: null,
    contains: 'https://api.openai.com/v1',
  },
  {
    name: `compare: openapi-fetch ${installedVersion('openapi-fetch')}: createClient + one GET`,
    packages: [],
    code: [
      `import createClient from 'openapi-fetch';`,
      `const client = createClient({ baseUrl: 'https://app.livechatai.com/api/v2' });`,
      `export const result = client.GET('/agents');`,
    ].join('\n'),
    budget: null,
    contains: 'querySerializer',
  },
];
