import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpecInput } from '../../api/index.js';
import { connectBackend, docker, testEngineUrl, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import {
  createWithBerth,
  emptyListsAsNull,
  fillLine,
  normalize,
  parityTable,
  refusalOfCli,
  runWithCli,
  withoutField,
  type DockerCli,
  type Inspected,
  type Normalized,
  type ParityLine,
  type Placeholders,
} from '../../testing/run-parity.js';

/**
 * Parity with the docker CLI on the real engine: each line of the table
 * (runtime/testing/run-parity.ts and run-parity-more.ts) is run once by `docker run -d` and
 * once through Berth's contract (containers.parseRunCommand -> containers.create), and the
 * engine must hold the same Config, HostConfig and networks for both. Then "Copy as docker
 * run" of the CLI's container (containers.runCommand) is run through Berth again and must give
 * the same once more: the round trip. A line this sandbox cannot start is compared created (the
 * engine refuses the start for both); a line the CLI refuses must be refused by Berth too. engines.int.test.ts runs a part of the same
 * table on every kind of engine. Lines run a few at a time: each waits mostly on the engine.
 */

let connected: Connected;
let placeholders: Placeholders;
const volume = uniqueName('vol');
const network = uniqueName('net');
const base = uniqueName('base');
const exposing = `berth-test/exposing:${uniqueName('img')}`;
const leftovers: string[] = [];
let scratch: string;

/** The docker CLI of the engine's own release (Debian's docker.io), for lines the newer CLI on PATH will not send to this engine. */
const engineCliPath = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const engineDocker: DockerCli = async (...args) =>
  (await promisify(execFile)(engineCliPath, args, { env: { ...process.env, DOCKER_HOST: testEngineUrl() }, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();

beforeAll(async () => {
  connected = await connectBackend();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'berth-parity-'));
  const bind = path.join(scratch, 'bind');
  await mkdir(bind);
  await writeFile(path.join(scratch, 'vars.env'), '# variables\nFROM_FILE=1\n  SPACED=a b\nEMPTY=\nBERTH_SURELY_UNSET_TOO\n');
  await writeFile(path.join(scratch, 'labels.txt'), 'com.example.from-file=yes\nfrom-flag=file\n');
  await docker('network', 'create', network);
  const subnet = (await docker('network', 'inspect', network, '--format', '{{(index .IPAM.Config 0).Subnet}}')).split('/')[0] ?? '';
  await docker('volume', 'create', volume);
  await docker('run', '-d', '--name', base, '-v', '/from-base', testImage(), 'sleep', '600');
  // An image that exposes ports, for -P: the test image exposes none.
  const source = uniqueName('commit');
  await docker('create', '--name', source, testImage());
  await docker('commit', '--change', 'EXPOSE 80', '--change', 'EXPOSE 443', source, exposing);
  await docker('rm', source);
  const arch = (await docker('version', '--format', '{{.Server.Arch}}')) || 'amd64';
  placeholders = {
    img: testImage(),
    exposing,
    bind,
    vol: volume,
    net: network,
    base,
    netip: subnet.replace(/\.\d+$/, '.200'),
    envfile: path.join(scratch, 'vars.env'),
    labelfile: path.join(scratch, 'labels.txt'),
    cidfile: path.join(scratch, 'cid'),
    regimg: process.env.BERTH_TEST_REGISTRY_IMAGE ?? testImage(),
    platform: `linux/${arch}`,
  };
});

afterAll(async () => {
  await docker('rm', '-f', '-v', base, ...leftovers).catch(() => undefined);
  await docker('rmi', exposing).catch(() => undefined);
  await docker('network', 'rm', network).catch(() => undefined);
  await docker('volume', 'rm', volume).catch(() => undefined);
  await rm(scratch, { recursive: true, force: true });
  connected.close();
});

/** Runs a spec through the contract under a new name, inspects it, removes it (and its anonymous volumes). */
function runThroughBerth(spec: RunSpecInput, label: string, started: boolean): Promise<Inspected> {
  const name = uniqueName(label);
  leftovers.push(name);
  return createWithBerth((named) => connected.client.call('containers.create', { spec: named, start: true }), docker, spec, name, started);
}

async function refusedByBoth(line: string): Promise<void> {
  const name = uniqueName('refused');
  leftovers.push(name);
  await refusalOfCli(docker, line, name);
  const refusal = await connected.client
    .call('containers.parseRunCommand', { command: line })
    .then(({ spec }) => connected.client.call('containers.create', { spec: { ...spec, name } }))
    .then(
      () => null,
      (error: unknown) => error as Error,
    );
  expect(refusal, 'Berth created what the CLI refuses').not.toBeNull();
  expect(await docker('ps', '-aq', '--filter', `name=^/${name}$`)).toBe('');
}

async function compareLine({ line: template, refused, engineCli, setAside }: ParityLine): Promise<void> {
  const line = fillLine(template, placeholders);
  if (refused !== undefined) return refusedByBoth(line);
  const compared = (inspected: Inspected): Normalized => {
    let normalized = normalize(inspected);
    if (engineCli !== undefined) normalized = emptyListsAsNull(normalized);
    return setAside === undefined ? normalized : withoutField(normalized, setAside.field);
  };
  const cliName = uniqueName('cli');
  leftovers.push(cliName);
  const { started, inspected: cli } = await runWithCli(engineCli === undefined ? docker : engineDocker, line, cliName);
  const copied = await connected.client.call('containers.runCommand', { id: cliName });
  await docker('rm', '-f', '-v', cliName);

  const { spec } = await connected.client.call('containers.parseRunCommand', { command: line });
  const berth = await runThroughBerth(spec, 'berth', started);
  expect(compared(berth)).toEqual(compared(cli));

  // Round trip: "Copy as docker run" of the CLI's container, pasted back into Berth.
  const pasted = await connected.client.call('containers.parseRunCommand', { command: copied.command });
  expect(pasted.spec.name).toBe(cliName);
  const again = await runThroughBerth(pasted.spec, 'copy', started);
  expect(compared(again), copied.command).toEqual(compared(cli));
}

describe('docker run -d and containers.create from the same line give the same container', () => {
  // Exact, so a line lost in an edit fails here; a line added updates this and the README's count.
  it('covers 101 lines', () => {
    expect(parityTable).toHaveLength(101);
  });

  it('gives every line that is not started or not run its reason', () => {
    for (const entry of parityTable) {
      for (const reason of [entry.notStarted, entry.refused, entry.engineCli, entry.setAside?.reason]) if (reason !== undefined) expect(reason.length).toBeGreaterThan(20);
    }
  });

  it.concurrent.each(parityTable.map((entry) => [entry.line, entry] as const))('%s', async (_line, entry) => {
    await compareLine(entry);
  });
});
