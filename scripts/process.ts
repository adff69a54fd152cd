import { spawn, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Small promise wrappers around child processes for the test tooling. */

export interface CaptureResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CaptureOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the child's stdin, then closed. */
  input?: string;
  /** Kill the child (SIGKILL) after this long; the result then has signal SIGKILL. */
  timeoutMs?: number;
}

/** Runs a command to completion and captures its output. Never rejects on a non-zero exit. */
export function capture(command: string, args: readonly string[], options: CaptureOptions = {}): Promise<CaptureResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (options.input !== undefined) child.stdin?.end(options.input);
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Like `capture`, but rejects with the command's stderr when it does not exit 0. */
export async function captureOk(command: string, args: readonly string[], options: CaptureOptions = {}): Promise<string> {
  const result = await capture(command, args, options);
  if (result.code !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${String(result.code)}`;
    throw new Error(`${command} ${args.join(' ')} ${how}: ${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result.stdout;
}

/** Runs a command with the terminal attached and resolves with its exit code (or 1 when killed). */
export function runAttached(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** True while the process runs; a zombie (exited, not yet reaped by its parent) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/PID/stat is "PID (COMM) STATE ..."; COMM may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Like Promise.all, but settles every promise before rejecting with the first failure, so
 * nothing is still starting when the caller cleans up after it.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  // Every promise has settled and none failed: Promise.all only collects the values now.
  return Promise.all(promises);
}
