import { spawn } from 'node:child_process';
import { constants as fsConstants, openSync, closeSync } from 'node:fs';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BerthError, type ManagedEngineStatus } from '../api/index.js';
import { probeEngine } from './probe.js';

/**
 * Berth's managed engine: a `dockerd` of its own, with its own socket, data root and exec
 * root under Berth's data directory. It is started detached so it keeps running containers
 * when Berth quits; `stopManagedEngine` (or `berth engine stop`) ends it.
 */

export interface ManagedEngineOptions {
  /** Berth's data directory; the engine lives in `<dataDir>/engine`. */
  dataDir: string;
  /** Masquerade container traffic (dockerd's default). Tests pass false so containers cannot reach off the host. */
  ipMasq?: boolean;
  /**
   * An existing Linux bridge for the default network instead of `docker0` (dockerd's
   * `--bridge`). Tests give every private engine its own, so engines on one machine never
   * share one; the user's managed engine keeps docker's default.
   */
  bridge?: string;
  /**
   * Let dockerd manage the host's iptables (its default). Tests pass false: every dockerd
   * that starts with it on first deletes the DOCKER chains, the other engines' included, so
   * two starting at once fail. Published ports then go through docker-proxy alone.
   */
  iptables?: boolean;
  /** More dockerd flags, after Berth's own. Tests add a TLS listener on 127.0.0.1 (`--tlsverify`, `--host=tcp://...`). */
  extraArgs?: readonly string[];
  /** Override the `dockerd` binary (default: found on PATH). */
  dockerdPath?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ManagedEnginePaths {
  root: string;
  socket: string;
  url: string;
  dataRoot: string;
  execRoot: string;
  pidFile: string;
  logFile: string;
}

/** `$BERTH_DATA_DIR`, else `$XDG_DATA_HOME/berth`, else `~/.local/share/berth`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BERTH_DATA_DIR) return env.BERTH_DATA_DIR;
  const dataHome = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'berth');
}

export function managedEnginePaths(dataDir: string): ManagedEnginePaths {
  const root = path.join(dataDir, 'engine');
  const socket = path.join(root, 'docker.sock');
  return {
    root,
    socket,
    url: `unix://${socket}`,
    dataRoot: path.join(root, 'data'),
    // Short on purpose: containerd puts its own socket under the exec root, and unix socket
    // paths are limited to 107 bytes.
    execRoot: path.join(root, 'x'),
    pidFile: path.join(root, 'dockerd.pid'),
    logFile: path.join(root, 'dockerd.log'),
  };
}

export async function findDockerd(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const dirs = (env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin', '/usr/local/bin']);
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, 'dockerd');
    try {
      await access(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

async function readPid(pidFile: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function managedEngineStatus(options: ManagedEngineOptions): Promise<ManagedEngineStatus> {
  const paths = managedEnginePaths(options.dataDir);
  const dockerd = options.dockerdPath ?? (await findDockerd(options.env));
  const pid = await readPid(paths.pidFile);
  const running = pid !== null && (await probeEngine(paths.url, { timeoutMs: 1000 })).ok;
  const unavailableReason =
    dockerd === null
      ? 'dockerd is not installed (on Debian or Ubuntu: apt-get install docker.io).'
      : process.getuid?.() !== 0
        ? 'The managed engine runs dockerd, which needs root; run Berth as root or use rootless Docker or Podman.'
        : undefined;
  return {
    available: unavailableReason === undefined,
    ...(unavailableReason === undefined ? {} : { unavailableReason }),
    running,
    url: paths.url,
    ...(running && pid !== null ? { pid } : {}),
  };
}

/** Starts the managed engine and resolves once it answers `/_ping`. Idempotent. */
export async function startManagedEngine(options: ManagedEngineOptions, timeoutMs = 60_000): Promise<ManagedEngineStatus> {
  const status = await managedEngineStatus(options);
  if (status.running) return status;
  if (!status.available) throw new BerthError('conflict', `Cannot start the managed engine: ${status.unavailableReason ?? 'unavailable'}`);
  const dockerd = options.dockerdPath ?? (await findDockerd(options.env));
  if (dockerd === null) throw new BerthError('conflict', 'Cannot start the managed engine: dockerd is not installed.');
  const paths = managedEnginePaths(options.dataDir);
  await mkdir(paths.dataRoot, { recursive: true, mode: 0o700 });
  await mkdir(paths.execRoot, { recursive: true, mode: 0o700 });
  await rm(paths.socket, { force: true });
  const args = [
    `--host=${paths.url}`,
    `--data-root=${paths.dataRoot}`,
    `--exec-root=${paths.execRoot}`,
    `--pidfile=${paths.pidFile}`,
  ];
  if (options.ipMasq === false) args.push('--ip-masq=false');
  if (options.bridge !== undefined) args.push(`--bridge=${options.bridge}`);
  if (options.iptables === false) args.push('--iptables=false');
  if (options.extraArgs) args.push(...options.extraArgs);
  const log = openSync(paths.logFile, 'a');
  try {
    const child = spawn(dockerd, args, { detached: true, stdio: ['ignore', log, log], env: options.env ?? process.env });
    child.unref();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outcome = await Promise.race([exited.then((code) => ({ code })), delay(100).then(() => null)]);
      if (outcome) throw new BerthError('internal', `dockerd exited with code ${String(outcome.code)}: ${await lastLines(paths.logFile)}`);
      if ((await probeEngine(paths.url, { timeoutMs: 1000 })).ok) break;
      if (Date.now() > deadline) {
        child.kill('SIGTERM');
        throw new BerthError('timeout', `dockerd did not answer within ${timeoutMs} ms: ${await lastLines(paths.logFile)}`);
      }
    }
  } finally {
    closeSync(log);
  }
  return managedEngineStatus(options);
}

/** Stops the managed engine (SIGTERM, then SIGKILL after the timeout). Idempotent. */
export async function stopManagedEngine(options: ManagedEngineOptions, timeoutMs = 30_000): Promise<ManagedEngineStatus> {
  const paths = managedEnginePaths(options.dataDir);
  const pid = await readPid(paths.pidFile);
  if (pid !== null) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      await delay(100);
    }
  }
  return managedEngineStatus(options);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function lastLines(file: string, count = 5): Promise<string> {
  try {
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    return lines.slice(-count).join(' | ');
  } catch {
    return '(no log)';
  }
}
