import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTestEnv } from '../../../scripts/test-env-info.js';
import { BerthClient, type EngineEntry, type TerminalEvent } from '../../api/index.js';
import { createBackend, type Backend } from '../../backend.js';
import { serveRpc } from '../../rpc/dispatcher.js';
import { createPortPair } from '../../rpc/memory-port.js';
import { dockerOn, testEngineClis, type TestEngineCli } from '../../testing/engine-clis.js';
import { testImage, uniqueName } from '../../testing/real-engine.js';
import { createWithBerth, fillLine, normalize, parityTable, runWithCli } from '../../testing/run-parity.js';
import { testTlsEngineOptions } from '../../testing/test-engine.js';
import { startManagedEngine, stopManagedEngine } from '../managed.js';

/**
 * Several engines at once, each a real one from the test environment: the default (DOCKER_HOST),
 * a dockerd over TCP with mutual TLS, one over ssh (`docker system dial-stdio`) and Podman's
 * Docker API. The same suite runs against each (identity, lifecycle, images, terminal, and
 * create parity on part of run-parity's table); the faults (an engine that never answers, a
 * wrong host key, an untrusted certificate) must leave the others working.
 */

const env = readTestEnv();
const cert = (name: string) => path.join(env.tls.certPath, name);
const engines = testEngineClis(env);

let dataDir: string;
/** For bind mounts on every engine: they all run on this machine. */
let bindDir: string;
let backend: Backend;
let client: BerthClient;
let dispose: () => void;
const ids = new Map<string, string>();
const made: { engine: TestEngineCli; name: string }[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'berth-engines-'));
  bindDir = await mkdtemp(path.join(os.tmpdir(), 'berth-engines-bind-'));
  backend = createBackend({ engineUrl: env.engineUrl, autoStartManaged: false, connectOthers: true, dataDir });
  await backend.ready;
  const [hostPort, clientPort] = createPortPair();
  const rpc = serveRpc(hostPort, backend.handlers);
  client = new BerthClient(clientPort);
  dispose = () => {
    client.dispose();
    rpc.dispose();
    backend.dispose();
  };
  ids.set('default', (await client.call('engine.info', {})).engineId);
  for (const engine of engines) {
    if (!engine.add) continue;
    const entry = await client.call('engines.add', engine.add);
    expect(entry, `${engine.label}: ${entry.reason?.message ?? ''}`).toMatchObject({ state: 'connected', name: engine.add.name });
    ids.set(engine.label, entry.engineId);
  }
}, 60_000);

afterAll(async () => {
  for (const { engine, name } of made) await dockerOn(engine, 'rm', '-f', '-v', name).catch(() => undefined);
  dispose();
  await rm(dataDir, { recursive: true, force: true });
  await rm(bindDir, { recursive: true, force: true });
});

const on = (engine: TestEngineCli) => ({ engine: ids.get(engine.label) });

describe.each(engines)('the $label engine, through its own routing', (engine) => {
  it('is listed with what it is: kind, version and API version', async () => {
    const entry = (await client.call('engines.list', {})).find((candidate) => candidate.engineId === ids.get(engine.label));
    expect(entry?.state).toBe('connected');
    const version = JSON.parse(await dockerOn(engine, 'version', '--format', '{{json .Server}}')) as { Version: string; ApiVersion: string };
    expect(entry?.identity).toMatchObject({ version: version.Version, apiVersion: version.ApiVersion, name: engine.label === 'podman' ? 'Podman Engine' : 'Docker Engine' });
  });

  it('creates, lists, stops and removes a container as the docker CLI sees it', async () => {
    const name = uniqueName(engine.label);
    made.push({ engine, name });
    const created = await client.call('containers.create', { spec: { image: testImage(), name, command: ['sleep', '300'], init: true } }, on(engine));
    expect(created.started).toBe(true);
    expect(await dockerOn(engine, 'inspect', '--format', '{{.State.Running}}', name)).toBe('true');
    const listed = await client.call('containers.list', { all: true }, on(engine));
    expect(listed.find((container) => container.name === name)).toMatchObject({ state: 'running', engineId: ids.get(engine.label) });
    expect(listed.map((container) => container.id).sort()).toEqual((await dockerOn(engine, 'ps', '-aq', '--no-trunc')).split('\n').filter(Boolean).sort());
    await client.call('containers.stop', { id: name, timeoutSeconds: 1 }, on(engine));
    expect(await dockerOn(engine, 'inspect', '--format', '{{.State.Running}}', name)).toBe('false');
    await client.call('containers.remove', { id: name }, on(engine));
    await expect(dockerOn(engine, 'inspect', name)).rejects.toThrow();
  });

  it('lists its images', async () => {
    const images = await client.call('images.list', {}, on(engine));
    const tags = images.flatMap((image) => image.repoTags);
    // Podman names the image with its registry (docker.io/...); Docker leaves Docker Hub's name out.
    expect(tags.some((tag) => tag === testImage() || tag === `docker.io/${testImage()}`), tags.join(', ')).toBe(true);
  });

  it('opens a terminal in a container', async () => {
    const name = uniqueName(`${engine.label}-term`);
    made.push({ engine, name });
    await client.call('containers.create', { spec: { image: testImage(), name, command: ['sleep', '300'], init: true } }, on(engine));
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      const subscription = client.subscribe(
        'exec.open',
        { id: name, command: ['sh', '-c', 'echo engine-$((40+2))'], tty: false },
        {
          onEvent: (event: TerminalEvent) => {
            if (event.type === 'output') text += new TextDecoder().decode(event.data);
          },
          onEnd: () => resolve(text),
          onError: (error) => reject(error),
        },
        on(engine),
      );
      setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no end of the exec within 20 s; got ${JSON.stringify(text)}`));
      }, 20_000).unref();
    });
    expect(output).toContain('engine-42');
  });

  // Create parity, the part of run-parity.int.test.ts's table that needs no user network, no
  // other container and no second image, on this engine: the docker CLI against Berth routed here.
  describe('docker run -d and containers.create from the same line give the same container', () => {
    const volume = uniqueName(`${engine.label}-vol`);
    beforeAll(() => dockerOn(engine, 'volume', 'create', volume));
    const docker = (...args: string[]) => dockerOn(engine, ...args);
    afterAll(async () => {
      // A test that failed half way leaves containers that hold the volume.
      const names = made.filter((entry) => entry.engine === engine).map((entry) => entry.name);
      await docker('rm', '-f', '-v', ...names).catch(() => undefined);
      await docker('volume', 'rm', '-f', volume).catch(() => undefined);
    });

    it.each(parityTable.filter((entry) => entry.everyEngine).map(({ line }) => [line]))('%s', async (template) => {
      // Host ports 181xx, apart from run-parity.int.test.ts's 180xx: all engines share this host's ports.
      const line = fillLine(template, { img: testImage(), bind: bindDir, vol: volume, hostPortBase: 18180 });
      const cliName = uniqueName(`${engine.label}-cli`);
      made.push({ engine, name: cliName });
      const { started, inspected: cli } = await runWithCli(docker, line, cliName);
      await docker('rm', '-f', '-v', cliName);
      const { spec } = await client.call('containers.parseRunCommand', { command: line }, on(engine));
      const berthName = uniqueName(`${engine.label}-berth`);
      made.push({ engine, name: berthName });
      const berth = await createWithBerth((named) => client.call('containers.create', { spec: named }, on(engine)), docker, spec, berthName, started);
      // On Podman the same container records a few things Docker's does not; see run-parity.ts.
      expect(normalize(berth, engine.dialect)).toEqual(normalize(cli, engine.dialect));
    });
  });
});

describe('one engine going wrong leaves the others alone', () => {
  it('an engine that accepts the connection and never answers is unreachable by timeout, naming it, while the others answer', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const adding = client.call('engines.add', { url: `tcp://127.0.0.1:${port}`, name: 'silent' });
      // Meanwhile the default engine's list is as quick as ever.
      const started = performance.now();
      await client.call('containers.list', { all: true });
      expect(performance.now() - started).toBeLessThan(1000);
      const entry: EngineEntry = await adding;
      expect(entry.state).toBe('unreachable');
      expect(entry.reason).toMatchObject({ code: 'timeout', message: expect.stringContaining(`tcp://127.0.0.1:${port}`) as unknown });
      await expect(client.call('containers.list', { all: true }, { engine: 'silent' })).rejects.toMatchObject({ code: 'engine_unreachable' });
      await client.call('engines.remove', { engine: 'silent' });
    } finally {
      silent.close();
    }
  });

  it('refuses an ssh engine whose host key is not the known one, with ssh\'s reason', async () => {
    const entry = await client.call('engines.add', { url: 'ssh://berth-test-ssh-wrong-host-key', name: 'wrong-key', sshConfigPath: env.ssh.config });
    expect(entry.state).toBe('unreachable');
    expect(entry.reason).toMatchObject({ code: 'ssh', message: expect.stringContaining('Host key verification failed') as unknown });
    await client.call('engines.remove', { engine: 'wrong-key' });
  });

  it('refuses a TLS engine whose certificate the given CA did not sign', async () => {
    const entry = await client.call('engines.add', { url: env.tls.url.replace('127.0.0.1', 'localhost'), name: 'wrong-ca', tls: { caPath: env.tls.wrongCa, certPath: cert('cert.pem'), keyPath: cert('key.pem') } });
    expect(entry.state).toBe('unreachable');
    expect(entry.reason?.code).toBe('tls');
    await client.call('engines.remove', { engine: 'wrong-ca' });
  });

  it('an engine that stops is unreachable with the reason while the others keep working, and comes back by itself', async () => {
    const tls = engines.find((engine) => engine.label === 'tls') as TestEngineCli;
    const name = uniqueName('comes-back');
    made.push({ engine: tls, name });
    await dockerOn(tls, 'run', '-d', '--init', '--name', name, testImage(), 'sleep', '300');
    const options = testTlsEngineOptions(env.dataDir, Number(new URL(env.tls.url).port));
    const tlsEntry = async () => (await client.call('engines.list', {})).find((entry) => entry.name === 'tls');
    await stopManagedEngine(options);
    try {
      await expect.poll(async () => (await tlsEntry())?.state, { timeout: 10_000 }).toBe('unreachable');
      expect((await tlsEntry())?.reason?.message).toBeTruthy();
      await expect(client.call('containers.list', { all: true }, on(tls))).rejects.toMatchObject({ code: 'engine_unreachable' });
      // The others answer as before.
      for (const other of engines.filter((engine) => engine !== tls)) await client.call('containers.list', { all: true }, on(other));
    } finally {
      await startManagedEngine(options);
    }
    await expect.poll(async () => (await tlsEntry())?.state, { timeout: 20_000 }).toBe('connected');
    expect((await client.call('containers.list', { all: true }, on(tls))).map((container) => container.name)).toContain(name);
  });

  it('refuses, naming the field and saving nothing, a URL that is no engine URL and files that are not there', async () => {
    const before = await client.call('engines.list', {});
    const refusals: [Record<string, unknown>, string][] = [
      [{ url: 'bogus' }, 'url'],
      [{ url: 'ssh://me:secret@host' }, 'url'],
      [{ url: env.tls.url, tls: { caPath: 'relative/ca.pem' } }, 'tls.caPath'],
      [{ url: env.tls.url, tls: { caPath: cert('no-such.pem') } }, 'tls.caPath'],
      [{ url: env.tls.url, tls: { certPath: cert('cert.pem') } }, 'tls.keyPath'],
      [{ url: env.podman.url, tls: { caPath: cert('ca.pem') } }, 'tls'],
      [{ url: env.tls.url, sshConfigPath: env.ssh.config }, 'sshConfigPath'],
    ];
    for (const [params, field] of refusals) {
      await expect(client.call('engines.add', params as never), JSON.stringify(params)).rejects.toMatchObject({ code: 'invalid_argument', details: { field } });
    }
    expect(await client.call('engines.list', {})).toHaveLength(before.length);
  });

  it('keeps the list in the data directory with paths, never keys', async () => {
    const saved = await import('node:fs/promises').then((fs) => fs.readFile(path.join(dataDir, 'engines.json'), 'utf8'));
    expect(saved).toContain(cert('key.pem'));
    expect(saved).not.toContain('PRIVATE KEY');
  });
});
