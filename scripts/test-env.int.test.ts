import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, captureOk } from './process.js';
import { readTestEnv } from './test-env-info.js';
import { sshHostAlias, sshWrongHostKeyAlias } from './test-ssh.js';

// Every engine of the test environment is up and usable with plain tools (the docker CLI,
// ssh, HTTP on Podman's socket); Berth's own suites run against them elsewhere.
const env = readTestEnv();
const dockerConfig = path.join(env.dataDir, 'docker-config');

/** The docker CLI with only the given connection settings (none of the runner's DOCKER_*). */
function docker(args: readonly string[], vars: Record<string, string> = {}) {
  const { DOCKER_HOST: _host, DOCKER_TLS_VERIFY: _verify, DOCKER_CERT_PATH: _certs, ...rest } = process.env;
  return capture('docker', args, { env: { ...rest, DOCKER_CONFIG: dockerConfig, ...vars }, timeoutMs: 60_000 });
}

function tlsFlags(ca: string, certPath: string): string[] {
  return ['-H', env.tls.url, '--tlsverify', `--tlscacert=${ca}`, `--tlscert=${path.join(certPath, 'cert.pem')}`, `--tlskey=${path.join(certPath, 'key.pem')}`];
}

/** `docker -H ssh://...` with the run's ssh wrapper first on PATH (OpenSSH ignores $HOME for its config). */
const sshVars = { PATH: `${env.ssh.binDir}${path.delimiter}${process.env.PATH ?? ''}` };

function getJson(socketPath: string, urlPath: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path: urlPath, headers: { Host: 'podman' }, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch (error) {
          reject(new Error(`GET ${urlPath}: HTTP ${String(response.statusCode)} ${body.slice(0, 200)}: ${String(error)}`));
        }
      });
    });
    request.once('timeout', () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.once('error', reject);
  });
}

async function engineId(args: readonly string[], vars: Record<string, string> = {}): Promise<string> {
  const result = await docker([...args, 'info', '--format', '{{.ID}}'], vars);
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

describe('the TLS engine', () => {
  it('lists and runs the test image for a client with the run certificate', async () => {
    const flags = tlsFlags(path.join(env.tls.certPath, 'ca.pem'), env.tls.certPath);
    expect((await captureOk('docker', [...flags, 'image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], { env: { ...process.env, DOCKER_CONFIG: dockerConfig } })).split('\n')).toContain(env.image);
    const ran = await docker([...flags, 'run', '--rm', '--network', 'none', env.image, 'sh', '-c', 'echo hello over tls']);
    expect(ran.stdout.trim()).toBe('hello over tls');
    // DOCKER_CERT_PATH is the same directory, as the docker CLI expects it.
    const version = await docker(['version', '--format', '{{.Server.Version}}'], { DOCKER_HOST: env.tls.url, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: env.tls.certPath });
    expect(version.stdout.trim()).not.toBe('');
  });

  it('is refused when the engine certificate is checked against the wrong CA', async () => {
    const result = await docker([...tlsFlags(env.tls.wrongCa, env.tls.certPath), 'version', '--format', '{{.Server.Version}}']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/certificate signed by unknown authority/);
  });

  it('refuses a client certificate signed by another CA', async () => {
    const result = await docker([...tlsFlags(path.join(env.tls.untrustedCertPath, 'ca.pem'), env.tls.untrustedCertPath), 'version', '--format', '{{.Server.Version}}']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/bad certificate/);
  });
});

describe('the ssh engine', () => {
  it('answers docker -H ssh:// through docker system dial-stdio, by alias and by URL', async () => {
    const byAlias = await docker(['-H', `ssh://${sshHostAlias}`, 'version', '--format', '{{.Server.Version}}'], sshVars);
    expect(byAlias.stderr).toBe('');
    expect(byAlias.stdout.trim()).not.toBe('');
    const ran = await docker(['-H', env.ssh.url, 'run', '--rm', '--network', 'none', env.image, 'sh', '-c', 'echo hello over ssh'], sshVars);
    expect(ran.stdout.trim()).toBe('hello over ssh');
  });

  it('works with plain ssh, the key and the known_hosts', async () => {
    const port = new URL(env.ssh.url).port;
    const options = ['-o', `UserKnownHostsFile=${env.ssh.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes'];
    const result = await captureOk('ssh', ['-F', '/dev/null', '-p', port, '-i', env.ssh.key, ...options, 'root@127.0.0.1', 'docker', 'system', 'dial-stdio'], {
      input: 'GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n',
      timeoutMs: 30_000,
    });
    expect(result).toMatch(/^HTTP\/1\.0 200 OK/);
    expect(result.trimEnd().endsWith('OK')).toBe(true);
  });

  it('is refused when the host key does not match known_hosts', async () => {
    const result = await docker(['-H', `ssh://${sshWrongHostKeyAlias}`, 'version', '--format', '{{.Server.Version}}'], sshVars);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Host key verification failed/);
    const port = new URL(env.ssh.url).port;
    const plain = await capture('ssh', ['-F', '/dev/null', '-p', port, '-i', env.ssh.key, '-o', `UserKnownHostsFile=${env.ssh.wrongKnownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', 'root@127.0.0.1', 'true']);
    expect(plain.code).toBe(255);
    expect(plain.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED/);
  });
});

describe('Podman', () => {
  const socketPath = env.podman.url.slice('unix://'.length);

  it('answers GET /version as Podman', async () => {
    const version = (await getJson(socketPath, '/version')) as { Components?: { Name?: string }[] };
    expect(version.Components?.map((component) => component.Name)).toContain('Podman Engine');
  });

  it('lists the imported test image and runs it', async () => {
    const images = (await getJson(socketPath, '/images/json')) as { RepoTags?: string[] }[];
    expect(images.flatMap((image) => image.RepoTags ?? [])).toContain(`docker.io/${env.image}`);
    const ran = await docker(['run', '--rm', env.image, 'sh', '-c', 'echo hello from podman'], { DOCKER_HOST: env.podman.url });
    expect(ran.stdout.trim()).toBe('hello from podman');
  });

  it('pulls from the test registry at the same address', async () => {
    const pulled = await docker(['pull', env.registryImage], { DOCKER_HOST: env.podman.url });
    expect(pulled.stderr).toBe('');
    await docker(['rmi', env.registryImage], { DOCKER_HOST: env.podman.url });
  });
});

describe('the environment', () => {
  it('has four distinct engines', async () => {
    const ids = await Promise.all([
      engineId(['-H', env.engineUrl]),
      engineId(tlsFlags(path.join(env.tls.certPath, 'ca.pem'), env.tls.certPath)),
      engineId(['-H', `ssh://${sshHostAlias}`], sshVars),
      engineId(['-H', env.podman.url]),
    ]);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('the registries that want credentials', () => {
  // The docker CLI and engine are the reference client: what they can do with these registries
  // and the token server, any client may expect to do.
  const { authRegistries } = env;
  let config: string;
  const withConfig = (args: readonly string[], input?: string) =>
    capture('docker', args, { env: { ...process.env, DOCKER_HOST: env.engineUrl, DOCKER_CONFIG: config }, timeoutMs: 60_000, ...(input === undefined ? {} : { input }) });

  beforeAll(async () => {
    config = await mkdtemp(path.join(os.tmpdir(), 'berth-docker-config-'));
  });
  afterAll(async () => {
    await rm(config, { recursive: true, force: true });
  });

  it('Basic: refuses a wrong password, takes the run password, and refuses deletion', async () => {
    const wrong = await withConfig(['login', authRegistries.basic, '-u', authRegistries.username, '--password-stdin'], 'not-the-password\n');
    expect(wrong.code).not.toBe(0);
    expect((await withConfig(['login', authRegistries.basic, '-u', authRegistries.username, '--password-stdin'], `${authRegistries.password}\n`)).code).toBe(0);
    const image = `${authRegistries.basic}/env-check/busybox:1`;
    await withConfig(['tag', env.image, image]);
    const pushed = await withConfig(['push', image]);
    expect(pushed.code, pushed.stderr).toBe(0);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed.stdout)?.[1] ?? '';
    const basic = Buffer.from(`${authRegistries.username}:${authRegistries.password}`).toString('base64');
    const deleted = await fetch(`http://${authRegistries.basic}/v2/env-check/busybox/manifests/${digest}`, { method: 'DELETE', headers: { Authorization: `Basic ${basic}` } });
    expect(deleted.status).toBe(405);
    await withConfig(['rmi', image]);
  });

  it('Bearer: the token server signs in docker, whose push and pull go through; anonymous pulls only public/*', async () => {
    expect((await withConfig(['login', authRegistries.token, '-u', authRegistries.username, '--password-stdin'], `${authRegistries.password}\n`)).code).toBe(0);
    const publicImage = `${authRegistries.token}/public/env-check:1`;
    const privateImage = `${authRegistries.token}/private/env-check:1`;
    for (const image of [publicImage, privateImage]) {
      await withConfig(['tag', env.image, image]);
      const pushed = await withConfig(['push', image]);
      expect(pushed.code, pushed.stderr).toBe(0);
      await withConfig(['rmi', image]);
    }
    await withConfig(['logout', authRegistries.token]);
    const anonymousPublic = await withConfig(['pull', publicImage]);
    expect(anonymousPublic.code, anonymousPublic.stderr).toBe(0);
    const anonymousPrivate = await withConfig(['pull', privateImage]);
    expect(anonymousPrivate.code).not.toBe(0);
    expect(anonymousPrivate.stderr).toMatch(/denied|unauthorized|authentication required/);
    await withConfig(['rmi', publicImage]);
  });
});
