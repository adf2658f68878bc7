/* global process, console, performance, fetch */
// Start-up cost of the built CLI, against `node -e 0` measured in the same run (ratios, never a pass/fail).
// `agents list --json`, `--jq` (jq as WebAssembly, loaded only then) and `api GET` talk to an in-process emulator
// on loopback.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@livechatai/emulator';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function once(args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(performance.now() - start);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const emu = await startEmulator({ port: 0, db: ':memory:' });
try {
  for (const name of ['Support', 'Sales', 'Docs']) {
    await fetch(`${emu.url}/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, isLiveChatEnabled: false }),
    });
  }
  const env = { ...process.env, LIVECHATAI_API_KEY: emu.apiKey, LIVECHATAI_BASE_URL: emu.url };
  const cases = [
    ['node -e 0 (baseline)', ['-e', '0']],
    ['livechatai --version', [bin, '--version']],
    ['livechatai --help', [bin, '--help']],
    ['livechatai agents list --json', [bin, 'agents', 'list', '--json']],
    ['livechatai agents list --jq', [bin, 'agents', 'list', '--jq', '.[].id']],
    ['livechatai api GET /agents', [bin, 'api', 'GET', '/agents']],
  ];
  const times = new Map(cases.map(([name]) => [name, []]));
  for (let i = 0; i < 2; i++) for (const [, args] of cases) await once(args, env); // warm the file cache
  // Interleave the cases so machine noise affects all of them alike.
  for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) times.get(name).push(await once(args, env));
  const base = median(times.get(cases[0][0]));
  console.log(`median of ${RUNS} runs each (node ${process.version})`);
  for (const [name] of cases) {
    const m = median(times.get(name));
    console.log(`${name.padEnd(32)} ${m.toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}x node -e 0`);
  }
  console.log('goal: livechatai --version <= 1.5x node -e 0');
} finally {
  await emu.close();
}
