// Test-only (integration tests and benches): a registry of a test's own, Debian's
// `docker-registry` (distribution 2.8) on a free 127.0.0.1 port with its storage in a temporary
// directory, stopped and deleted by `stop`. Optionally behind basic auth (htpasswd): nobody
// has the password, so every pull and push is refused. Or optionally on HTTPS with a
// self-signed certificate that no engine trusts. Not part of the build.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/ports.js';
import { captureOk } from '../../scripts/process.js';
import { probeRegistry } from '../../scripts/test-registry.js';

export interface ThrowawayRegistryOptions {
  /** Behind basic auth whose password nobody knows. */
  auth?: boolean;
  /**
   * Serve HTTPS on this address of the machine with a self-signed certificate (made with
   * openssl for it) that no engine trusts. Not a loopback address: dockerd speaks plain HTTP
   * to any registry on 127.0.0.0/8 and never checks a certificate there.
   */
  untrustedTlsOn?: string;
}

export class ThrowawayRegistry {
  private constructor(
    /** `127.0.0.1:PORT`, or `HOST:PORT` on HTTPS (`untrustedTlsOn`). */
    readonly address: string,
    private readonly dir: string,
    private child: ChildProcess | null,
  ) {}

  static async start(options: ThrowawayRegistryOptions = {}): Promise<ThrowawayRegistry> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-registry-'));
    const host = options.untrustedTlsOn ?? '127.0.0.1';
    const address = `${host}:${await freePort()}`;
    const config = ['version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(dir, 'data')}`, 'http:', `  addr: ${address}`];
    let probe = () => probeRegistry(address);
    if (options.untrustedTlsOn !== undefined) {
      const { certificate, key } = await makeSelfSigned(dir, host).catch(async (error: unknown) => {
        await rm(dir, { recursive: true, force: true });
        throw error;
      });
      config.push('  tls:', `    certificate: ${certificate}`, `    key: ${key}`);
      // Ready once it answers over TLS to a client that trusts exactly this certificate.
      const ca = await readFile(certificate);
      probe = () => probeTlsRegistry(address, ca);
    }
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
      const status = await Promise.race([exited, probe()]);
      if (typeof status === 'string') {
        await registry.stop();
        throw new Error(status);
      }
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

/** A key and a self-signed certificate for the IP address `host` (P-256: made in milliseconds). */
async function makeSelfSigned(dir: string, host: string): Promise<{ certificate: string; key: string }> {
  const certificate = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await captureOk('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', certificate,
    '-days', '1', '-subj', '/CN=Berth throwaway registry', '-addext', `subjectAltName=IP:${host}`,
  ]);
  return { certificate, key };
}

/** Like probeRegistry, over HTTPS, trusting only `ca`: the status of `GET /v2/`, or null when nothing answers. */
function probeTlsRegistry(address: string, ca: Buffer, timeoutMs = 1000): Promise<number | null> {
  return new Promise((resolve) => {
    const request = https.get(`https://${address}/v2/`, { ca, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(null));
  });
}
