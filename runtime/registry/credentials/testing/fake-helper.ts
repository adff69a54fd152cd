// Test-only: a docker credential helper of the tests' own, `docker-credential-NAME` written into a
// bin directory the test puts first on PATH. It speaks the helper protocol (get / store / erase /
// list) over a JSON file, as docker's real helpers do over a keyring, and records each call (its
// arguments and stdin) so a test can see what was sent. Other behaviours stand in for helpers gone
// wrong. Not part of the build.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type FakeHelperBehaviour =
  /** The protocol, over `storeFile`. */
  | 'works'
  /** Every action fails (exit 1), printing its stdin to stdout and stderr: a helper that would leak the secret into an error. */
  | 'fails-echoing-input'
  /** Never answers. */
  | 'hangs'
  /** Answers `get` with exit 0 and text that is not JSON, holding its stdin. */
  | 'garbage';

export interface FakeHelper {
  program: string;
  storeFile: string;
  callsFile: string;
  /** What the helper keeps: `{ServerURL: {Username, Secret}}`. */
  stored(): Promise<Record<string, { Username: string; Secret: string }>>;
  /** Every call: `{args, stdin}`. */
  calls(): Promise<{ args: string[]; stdin: string }[]>;
}

export async function writeFakeHelper(binDir: string, name: string, behaviour: FakeHelperBehaviour = 'works'): Promise<FakeHelper> {
  const program = path.join(binDir, `docker-credential-${name}`);
  const storeFile = path.join(binDir, `${name}-store.json`);
  const callsFile = path.join(binDir, `${name}-calls.jsonl`);
  const script = `#!${process.execPath}
'use strict';
const fs = require('node:fs');
const storeFile = ${JSON.stringify(storeFile)};
const callsFile = ${JSON.stringify(callsFile)};
const behaviour = ${JSON.stringify(behaviour)};
const action = process.argv[2];
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const input = Buffer.concat(chunks).toString('utf8');
  fs.appendFileSync(callsFile, JSON.stringify({ args: process.argv.slice(2), stdin: input }) + '\\n');
  if (behaviour === 'hangs') { setInterval(() => {}, 1000); return; }
  if (behaviour === 'fails-echoing-input') { process.stdout.write('cannot do it with ' + input + '\\n'); process.stderr.write(input); process.exit(1); }
  if (behaviour === 'garbage') { process.stdout.write('password is ' + input + '\\n'); process.exit(0); }
  const read = () => { try { return JSON.parse(fs.readFileSync(storeFile, 'utf8')); } catch { return {}; } };
  const write = (data) => fs.writeFileSync(storeFile, JSON.stringify(data));
  const notFound = () => { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); };
  const all = read();
  if (action === 'get') {
    const found = all[input.trim()];
    if (!found) notFound();
    process.stdout.write(JSON.stringify({ ServerURL: input.trim(), Username: found.Username, Secret: found.Secret }));
  } else if (action === 'store') {
    const creds = JSON.parse(input);
    all[creds.ServerURL] = { Username: creds.Username, Secret: creds.Secret };
    write(all);
  } else if (action === 'erase') {
    if (!all[input.trim()]) notFound();
    delete all[input.trim()];
    write(all);
  } else if (action === 'list') {
    const list = {};
    for (const [url, found] of Object.entries(all)) list[url] = found.Username;
    process.stdout.write(JSON.stringify(list));
  } else {
    process.stdout.write('unknown action: ' + action + '\\n');
    process.exit(1);
  }
});
`;
  await writeFile(program, script);
  await chmod(program, 0o755);
  return {
    program,
    storeFile,
    callsFile,
    stored: async () => (JSON.parse(await readFile(storeFile, 'utf8').catch(() => '{}')) as Record<string, { Username: string; Secret: string }>),
    calls: async () =>
      (await readFile(callsFile, 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { args: string[]; stdin: string }),
  };
}

/** Seeds the helper's store as if a login had been kept through it earlier. */
export async function seedFakeHelper(helper: FakeHelper, logins: Record<string, { Username: string; Secret: string }>): Promise<void> {
  await writeFile(helper.storeFile, JSON.stringify(logins));
}
