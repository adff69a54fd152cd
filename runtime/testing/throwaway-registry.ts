// Test-only (integration tests and benches): a registry of a test's own, Debian's
// `docker-registry` (distribution 2.8) on a free 127.0.0.1 port with its storage in a temporary
// directory, stopped and deleted by `stop`. Optionally behind basic auth (htpasswd): nobody
// has the password, so every pull and push is refused. Not part of the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/ports.js';
import { probeRegistry } from '../../scripts/test-registry.js';

export class ThrowawayRegistry {
  private constructor(
    /** `127.0.0.1:PORT` */
    readonly address: string,
    private readonly dir: string,
    private child: ChildProcess | null,
  ) {}

  static async start(options: { auth?: boolean } = {}): Promise<ThrowawayRegistry> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-registry-'));
    const address = `127.0.0.1:${await freePort()}`;
    const config = ['version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(dir, 'data')}`, 'http:', `  addr: ${address}`];
    if (options.auth === true) {
      // A bcrypt entry whose password nobody knows.
      await writeFile(path.join(dir, 'htpasswd'), 'nobody:$2y$05$abcdefghijklmnopqrstuuOa1Zq0CnfXJ9p1lPv4gT3WJk0kd0Ymi\n');
      config.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${path.join(dir, 'htpasswd')}`);
    }
    await writeFile(path.join(dir, 'config.yml'), `${config.join('\n')}\n`);
    const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
    const exited = new Promise<string>((resolve) => {
      child.once('exit', (code) => resolve(`docker-registry exited with code ${String(code)}`));
      child.once('error', (error) => resolve(error.message));
    });
    const registry = new ThrowawayRegistry(address, dir, child);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = await Promise.race([exited, probeRegistry(address)]);
      if (typeof status === 'string') throw new Error(status);
      if (status !== null) return registry;
      if (Date.now() > deadline) {
        await registry.stop();
        throw new Error(`docker-registry did not answer on ${address} within 30 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The blob files the registry stores, biggest first: `{digest, file, size}`. */
  async blobs(): Promise<{ digest: string; file: string; size: number }[]> {
    const root = path.join(this.dir, 'data', 'docker', 'registry', 'v2', 'blobs', 'sha256');
    const found: { digest: string; file: string; size: number }[] = [];
    for (const prefix of await readdir(root)) {
      for (const hex of await readdir(path.join(root, prefix))) {
        const file = path.join(root, prefix, hex, 'data');
        found.push({ digest: `sha256:${hex}`, file, size: (await stat(file)).size });
      }
    }
    return found.sort((a, b) => b.size - a.size);
  }

  /** Stops the registry (it refuses connections from then on); its storage stays until `remove`. */
  async halt(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async stop(): Promise<void> {
    await this.halt();
    await rm(this.dir, { recursive: true, force: true });
  }
}
