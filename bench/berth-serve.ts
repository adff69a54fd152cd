import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { log, repoRoot } from './support.js';

/** `berth serve` as a user runs it: its own process, on a free port, printing its URL once it listens. */

export interface RunningServe {
  /** `http://127.0.0.1:PORT/?token=...` */
  url: string;
  /** The process's id (for its CPU time, logs-cpu.ts). */
  pid: number;
  stop(): Promise<void>;
}

export interface ServeOptions {
  timeoutMs?: number;
  /** The process's environment (default: the bench's own), e.g. with BERTH_DATA_DIR. */
  env?: NodeJS.ProcessEnv;
  /** Options for node itself, before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

export async function startBerthServe(engineUrl: string, label: string, options: ServeOptions = {}): Promise<RunningServe> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(repoRoot, 'bin', 'berth.js'), 'serve', '--port', '0', '--engine', engineUrl], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: options.env } : {}),
  });
  createInterface({ input: child.stderr }).on('line', (line) => log(`serve(${label}): ${line}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killTimer);
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`berth serve printed no URL within ${timeoutMs} ms`)), timeoutMs);
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (line) => {
        clearTimeout(timer);
        if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) resolve(line.trim());
        else reject(new Error(`berth serve printed an unexpected first line: ${line}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`berth serve exited (${signal ?? String(code)}) before printing its URL`));
      });
      child.once('error', reject);
    });
    log(`serve(${label}): listening; engine ${engineUrl}`);
    return { url, pid: child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
