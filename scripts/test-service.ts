import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { captureOk, delay, isAlive } from './process.js';

/**
 * The long-running children of the test environment that are not dockerds (sshd, Podman's
 * API service): started detached with their output in a log file, optionally in a mount
 * namespace of their own, awaited by polling with a deadline, and stopped by pid.
 */

/**
 * Set in every service's environment to the run's data directory. sshd hands it on to its
 * sessions (SetEnv) and Podman to conmon, so a teardown finds them after a hard crash even
 * though their command lines do not name the directory. Never exported to tests.
 */
export const ownerVariable = 'BERTH_TEST_ENV_OWNER';

export interface ServiceOptions {
  /** For messages: `sshd`, `podman system service`. */
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /**
   * Bind run directories over system paths (`/run`, `/var/lib`) for this process and its
   * children only: a private mount namespace, so what they write there (sshd's privilege
   * separation directory, Podman's network namespaces and IPAM database) stays in the run's
   * directory and vanishes with the process, and the machine's own copies are never touched.
   */
  binds?: readonly { source: string; target: string }[];
  /** Run in this network namespace (a file that `createNetworkNamespace` made) instead of the host's. */
  netns?: string;
}

export interface StartedService {
  pid: number;
  /** Resolves when the process ends, saying how: `code 1`, `signal SIGKILL`. */
  exited: Promise<string>;
}

// Mounts each SOURCE TARGET pair given before `--`, then becomes the command after it.
const bindThenExec = 'while [ "$1" != -- ]; do mount --bind "$1" "$2" || exit 125; shift 2; done; shift; exec "$@"';

/** The command line that runs the service in its namespaces: nsenter, unshare and sh each exec the next. */
function commandLine(options: ServiceOptions): string[] {
  const binds = options.binds ?? [];
  const inMountNamespace =
    binds.length === 0
      ? [options.command, ...options.args]
      : [
          ...['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', bindThenExec, 'berth-test-ns'],
          ...binds.flatMap(({ source, target }) => [source, target]),
          '--',
          options.command,
          ...options.args,
        ];
  return options.netns === undefined ? inMountNamespace : ['nsenter', `--net=${options.netns}`, '--', ...inMountNamespace];
}

/**
 * A network namespace of its own, kept by a bind mount on `file` (under the run's directory,
 * so the teardown's unmount releases it), with its loopback up and nothing else: no route
 * off it, so what runs inside cannot reach the host or beyond.
 */
export async function createNetworkNamespace(file: string): Promise<void> {
  await writeFile(file, '');
  await captureOk('unshare', [`--net=${file}`, '--', 'ip', 'link', 'set', 'lo', 'up']);
}

export async function spawnService(options: ServiceOptions): Promise<StartedService> {
  const [command = options.command, ...args] = commandLine(options);
  const log = openSync(options.logFile, 'a');
  try {
    // nsenter, unshare and sh exec the command, so the pid is the service's own.
    const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env: options.env });
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${String(code)}`)));
    // spawn reports a missing binary asynchronously, as an 'error' without a pid.
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid ?? 0));
      child.once('error', reject);
    });
    child.unref();
    return { pid, exited };
  } finally {
    closeSync(log);
  }
}

export async function logTail(file: string, lines = 5): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '(no log)';
  }
}

/** Polls `isReady` until it answers true; fails at once when the service exits, or at the deadline. */
export async function waitForService(
  service: StartedService,
  options: Pick<ServiceOptions, 'name' | 'logFile'>,
  isReady: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await Promise.race([service.exited.then((how) => ({ how })), isReady()]);
    if (typeof outcome === 'object') throw new Error(`${options.name} exited (${outcome.how}): ${await logTail(options.logFile)}`);
    if (outcome) return;
    if (Date.now() > deadline) throw new Error(`${options.name} was not ready within ${timeoutMs} ms: ${await logTail(options.logFile)}`);
    await delay(100);
  }
}

/** SIGTERM, then SIGKILL after the timeout; only when the pid still runs a command line naming `marker` (a reused pid is left alone). */
export async function stopService(pid: number, marker: string, timeoutMs = 10_000): Promise<void> {
  let cmdline: string;
  try {
    cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
  } catch {
    return;
  }
  if (!cmdline.includes(marker)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await delay(50);
  }
}
