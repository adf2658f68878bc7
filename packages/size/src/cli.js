// @ts-check
// `pnpm --filter @livechatai/size run size`: print the table; exit 1 when a budget is exceeded or an entry fails.
import { formatTable, measure } from './measure.js';
import process from 'node:process';

const results = await measure();
process.stdout.write(formatTable(results) + '\n');
if (results.some((r) => !r.ok)) process.exitCode = 1;
