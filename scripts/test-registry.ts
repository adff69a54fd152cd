import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { freePort } from './ports.js';
import { delay } from './process.js';
import { stopService } from './test-service.js';

/**
 * A private OCI registry for the tests: Debian's `docker-registry` (distribution 2.8) on a
 * free 127.0.0.1 port, storing under the test data directory, no auth.
 */

export interface TestRegistry {
  /** `127.0.0.1:PORT` */
  address: string;
  pid: number;
  configFile: string;
}

export function registryPaths(dataDir: string): { root: string; configFile: string; logFile: string; storage: string } {
  const root = path.join(dataDir, 'registry');
  return { root, configFile: path.join(root, 'config.yml'), logFile: path.join(root, 'registry.log'), storage: path.join(root, 'data') };
}

/** Resolves with the HTTP status of `GET http://ADDRESS/v2/`, or null when nothing answers. */
export function probeRegistry(address: string, timeoutMs = 1000): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(`http://${address}/v2/`, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(null));
  });
}

async function tail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}

export async function startRegistry(dataDir: string, onSpawn: (pid: number) => Promise<void>, timeoutMs = 30_000): Promise<TestRegistry> {
  const paths = registryPaths(dataDir);
  await mkdir(paths.storage, { recursive: true });
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const config = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${paths.storage}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${address}`,
    '',
  ].join('\n');
  await writeFile(paths.configFile, config);
  const log = openSync(paths.logFile, 'a');
  let pid: number;
  let exited: Promise<number | null>;
  try {
    const child = spawn('docker-registry', ['serve', paths.configFile], { detached: true, stdio: ['ignore', log, log] });
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // spawn reports a missing binary asynchronously, as an 'error' without a pid.
    const spawned = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid ?? 0));
      child.once('error', reject);
    });
    child.unref();
    pid = spawned;
  } finally {
    closeSync(log);
  }
  await onSpawn(pid);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await Promise.race([exited.then((code) => ({ code })), probeRegistry(address)]);
    if (typeof status === 'object' && status !== null) {
      throw new Error(`docker-registry exited with code ${String(status.code)}: ${await tail(paths.logFile)}`);
    }
    if (status === 200) return { address, pid, configFile: paths.configFile };
    if (Date.now() > deadline) throw new Error(`docker-registry did not answer on ${address} within ${timeoutMs} ms: ${await tail(paths.logFile)}`);
    await delay(100);
  }
}

/** Stops the registry we started: only while the pid still runs our config, so a reused pid is left alone. */
export function stopRegistry(pid: number, configFile: string, timeoutMs = 10_000): Promise<void> {
  return stopService(pid, configFile, timeoutMs);
}
