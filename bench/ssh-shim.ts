import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * For counting the ssh engine's calls: a directory holding an `ssh` that reaches no host but
 * connects its stdin and stdout to a unix socket, the counting proxy, which reaches the engine
 * through the real ssh. First on the PATH of a `berth serve`, it stands in for the system's ssh
 * in Berth's `ssh ... docker system dial-stdio` (its arguments are ignored), so every HTTP
 * request Berth sends over its ssh connections passes the proxy.
 */

export interface SshShim {
  /** Put this first on PATH. */
  binDir: string;
  dispose(): Promise<void>;
}

const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export async function makeSshShim(socketPath: string): Promise<SshShim> {
  const binDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-ssh-'));
  const dial = path.join(binDir, 'dial.cjs');
  await writeFile(
    dial,
    [
      "'use strict';",
      "const socket = require('node:net').connect(" + JSON.stringify(socketPath) + ');',
      'process.stdin.pipe(socket);',
      'socket.pipe(process.stdout);',
      "socket.on('error', (error) => { process.stderr.write('bench ssh shim: ' + error.message + '\\n'); process.exit(255); });",
      "socket.on('close', () => process.exit(0));",
      '',
    ].join('\n'),
  );
  const ssh = path.join(binDir, 'ssh');
  await writeFile(ssh, `#!/bin/sh\nexec ${quoted(process.execPath)} ${quoted(dial)}\n`);
  await chmod(ssh, 0o755);
  return { binDir, dispose: () => rm(binDir, { recursive: true, force: true }) };
}
