#!/usr/bin/env node
// Makes sure the system tools the test run needs are present: Debian's chromium (browser e2e, driven by
// playwright-core; never a browser download), tmux (the CLI's pseudo-terminal test), zsh and fish (the CLI's
// completion tests, run in each shell) and redis-server (the chat handler's shared-store test; the tests start their
// own server on a free loopback port). Installs them with apt when running as root on a Debian-like machine;
// otherwise says what to install and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.js';

const needed = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM_PATH) },
  { pkg: 'tmux', present: () => onPath('tmux') },
  { pkg: 'zsh', present: () => onPath('zsh') },
  { pkg: 'fish', present: () => onPath('fish') },
  { pkg: 'redis-server', present: () => onPath('redis-server') },
];

function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(
    `Missing system packages: ${missing.join(', ')}. Install them (e.g. apt-get install -y ${missing.join(' ')}) and run again.`,
  );
  process.exit(1);
}
console.log(`Installing system packages with apt: ${missing.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
