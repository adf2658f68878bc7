#!/usr/bin/env node
// The `livechatai` executable. Kept tiny: `--version` answers from package.json without loading
// commander or the SDK; everything else loads the CLI module.
import { readFileSync } from 'node:fs';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const argv = process.argv;

if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  // A closed pipe (`livechatai conversations export | head`) ends the command quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { main } = await import('./cli.js');
  const code = await main(argv, version);
  // Exit once stdout is flushed, even if a keep-alive socket or stdin would keep the loop alive.
  process.stdout.write('', () => process.exit(code));
}
