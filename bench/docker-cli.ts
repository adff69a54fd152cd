import { spawn } from 'node:child_process';
import { nowMs } from './stats.js';

/** The docker CLI, spawned the way a user runs it, timed from spawn to exit. */

export interface CliRun {
  startMs: number;
  /** When the process had exited and its output was drained. */
  endMs: number;
  stdout: string;
}

export function runDocker(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const startMs = nowMs();
    const child = spawn('docker', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const endMs = nowMs();
      if (code === 0) resolve({ startMs, endMs, stdout });
      else reject(new Error(`docker ${args.join(' ')} ${signal ? `was killed by ${signal}` : `exited ${String(code)}`}: ${stderr.trim()}`));
    });
  });
}
