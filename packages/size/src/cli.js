// @ts-check
// `pnpm --filter @livechatai/size run size`: print the table. With --check, exit 1 when an entry is over its
// budget or cannot be built (the test suite enforces the same budgets).
import { formatTable, measure } from './measure.js';
import process from 'node:process';

const results = await measure();
process.stdout.write(formatTable(results) + '\n');
if (process.argv.includes('--check') && results.some((r) => !r.ok)) process.exitCode = 1;
