#!/usr/bin/env node
// The `berth` command. The runtime is compiled by `npm run build` into dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/runtime/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('berth: not built yet: run `npm run build` in the Berth folder first.\n');
  process.exit(1);
}
/** @type {{ main: (argv: string[]) => Promise<number> }} */
const cliModule = /** @type {{ main: (argv: string[]) => Promise<number> }} */ (await import(cli.href));
const { main } = cliModule;
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`berth: ${code}: ${message}\n`);
  process.exitCode = 1;
}
