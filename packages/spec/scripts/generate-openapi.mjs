// Writes openapi.json from scripts/openapi-source.mjs. Usage: `pnpm --filter @livechatai/spec generate`
// (or `--check` to fail when the committed file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { document } from './openapi-source.mjs';

const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
const text = `${JSON.stringify(document, null, 2)}\n`;

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    process.stderr.write('openapi.json is stale: run `pnpm --filter @livechatai/spec generate`\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
