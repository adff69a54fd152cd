// Test-only helpers for integration tests against the REAL private engine that
// scripts/test-env.ts starts (never a mock). Not part of the build.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { BerthClient, type BerthEvent } from '../api/index.js';
import { createBackend, type Backend, type BackendOptions } from '../backend.js';
import type { ManagedEngineOptions } from '../engine/managed.js';
import { serveRpc } from '../rpc/dispatcher.js';
import { createPortPair } from '../rpc/memory-port.js';
import { testEngineOptions } from './test-engine.js';

const run = promisify(execFile);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\` (scripts/test-all.ts), which starts the private engine.`);
  return value;
}

export const testEngineUrl = (): string => required('BERTH_TEST_ENGINE_URL');
export const testDataDir = (): string => required('BERTH_TEST_DATA_DIR');
/** How scripts/test-env.ts started the private engine, for a test that stops and starts it again. */
export const testManagedEngine = (): ManagedEngineOptions => testEngineOptions(testDataDir());
export const testImage = (): string => process.env.BERTH_TEST_IMAGE ?? 'berth-test/busybox:latest';

/** A unique name prefix so a test only ever touches what it created. */
export const uniqueName = (label: string): string => `it-${randomBytes(3).toString('hex')}-${label}`;

/** Runs the docker CLI against the private test engine. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { env: { ...process.env, DOCKER_HOST: testEngineUrl() }, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** The docker CLI against the private test engine, with what it wrote to stdout and to stderr apart (`docker logs` writes a container's stderr to its own). */
export async function dockerOutputs(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await run('docker', args, { env: { ...process.env, DOCKER_HOST: testEngineUrl() }, maxBuffer: 64 * 1024 * 1024 });
  return { stdout, stderr };
}

/** A shell loop that stops at once on SIGTERM (busybox `sleep` as PID 1 ignores it: stops take 10 s). */
export const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];

/** The containers one test file makes, under unique names, all removed by `removeAll` (afterAll). */
export class TestContainers {
  private readonly names: string[] = [];

  /** A unique name for a container the test makes itself; it is removed with the rest. */
  name(label: string): string {
    const name = uniqueName(label);
    this.names.push(name);
    return name;
  }

  /** A name the test chose (a rename's target); removed with the rest. */
  track(name: string): string {
    this.names.push(name);
    return name;
  }

  /** `docker run -d --name <unique> ARGS...`; answers the name. */
  async run(label: string, ...args: string[]): Promise<string> {
    const name = this.name(label);
    await docker('run', '-d', '--name', name, ...args);
    return name;
  }

  async removeAll(): Promise<void> {
    if (this.names.length > 0) await docker('rm', '-f', ...this.names.splice(0)).catch(() => undefined);
  }
}

export interface Connected {
  backend: Backend;
  client: BerthClient;
  close(): void;
}

/**
 * The whole backend on the test engine, reached through the contract over an in-process port.
 * `engineUrl`: reach the test engine another way (through a relay that watches the requests);
 * `options`: what a host adds (the desktop app's save dialog).
 */
export async function connectBackend(engineUrl = testEngineUrl(), options: Partial<BackendOptions> = {}): Promise<Connected> {
  const backend = createBackend({ engineUrl, autoStartManaged: false, dataDir: testDataDir(), acceptsPaths: true, ...options });
  await backend.engine.whenConnected(15_000);
  const [hostPort, clientPort] = createPortPair();
  const rpc = serveRpc(hostPort, backend.handlers);
  const client = new BerthClient(clientPort);
  return {
    backend,
    client,
    close() {
      client.dispose();
      rpc.dispose();
      backend.dispose();
    },
  };
}

/** Collects `events` and lets a test wait for the first one matching a predicate. */
export function recordEvents(client: BerthClient) {
  const seen: { at: number; event: BerthEvent }[] = [];
  const waiters = new Set<() => void>();
  const subscription = client.subscribe('events', {}, {
    onEvent(event) {
      seen.push({ at: performance.now(), event });
      for (const wake of waiters) wake();
    },
  });
  return {
    seen,
    dispose: () => subscription.dispose(),
    async waitFor(predicate: (event: BerthEvent) => boolean, timeoutMs = 10_000): Promise<{ at: number; event: BerthEvent }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = seen.find((entry) => predicate(entry.event));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(seen.map((s) => s.event))}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 100);
        });
      }
    },
  };
}
