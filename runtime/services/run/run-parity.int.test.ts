import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpecInput } from '../../api/index.js';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';
import { createWithBerth, fillLine, normalize, parityTable, runWithCli, type Inspected, type Placeholders } from '../../testing/run-parity.js';

/**
 * Parity with the docker CLI on the real engine: each line of the table
 * (runtime/testing/run-parity.ts) is run once by `docker run -d` and once through Berth's
 * contract (containers.parseRunCommand -> containers.create), and the engine must hold the
 * same Config and HostConfig for both. Then "Copy as docker run" of the CLI's container
 * (containers.runCommand) is run through Berth again and must give the same once more: the
 * round trip. engines.int.test.ts runs a part of the same table on every kind of engine.
 */

let connected: Connected;
let placeholders: Placeholders;
const volume = uniqueName('vol');
const network = uniqueName('net');
const base = uniqueName('base');
const exposing = `berth-test/exposing:${uniqueName('img')}`;
const leftovers: string[] = [];

beforeAll(async () => {
  connected = await connectBackend();
  placeholders = { img: testImage(), exposing, bind: await mkdtemp(path.join(os.tmpdir(), 'berth-parity-')), vol: volume, net: network, base };
  await docker('network', 'create', network);
  await docker('volume', 'create', volume);
  await docker('run', '-d', '--name', base, testImage(), 'sleep', '600');
  // An image that exposes ports, for -P: the test image exposes none.
  const source = uniqueName('commit');
  await docker('create', '--name', source, testImage());
  await docker('commit', '--change', 'EXPOSE 80', '--change', 'EXPOSE 443', source, exposing);
  await docker('rm', source);
});

afterAll(async () => {
  await docker('rm', '-f', '-v', base, ...leftovers).catch(() => undefined);
  await docker('rmi', exposing).catch(() => undefined);
  await docker('network', 'rm', network).catch(() => undefined);
  await docker('volume', 'rm', volume).catch(() => undefined);
  await rm(placeholders.bind, { recursive: true, force: true });
  connected.close();
});

/** Runs a spec through the contract under a new name, inspects it, removes it (and its anonymous volumes). */
function runThroughBerth(spec: RunSpecInput, label: string, started: boolean): Promise<Inspected> {
  const name = uniqueName(label);
  leftovers.push(name);
  return createWithBerth((named) => connected.client.call('containers.create', { spec: named, start: true }), docker, spec, name, started);
}

describe('docker run -d and containers.create from the same line give the same container', () => {
  // Exact, so a line lost in an edit fails here; a line added updates this and the README's count.
  it('covers 44 lines', () => {
    expect(parityTable).toHaveLength(44);
  });

  it.each(parityTable.map(({ line }) => [line]))('%s', async (template) => {
    const line = fillLine(template, placeholders);
    const cliName = uniqueName('cli');
    leftovers.push(cliName);
    const { started, inspected: cli } = await runWithCli(docker, line, cliName);
    const copied = await connected.client.call('containers.runCommand', { id: cliName });
    await docker('rm', '-f', '-v', cliName);

    const { spec } = await connected.client.call('containers.parseRunCommand', { command: line });
    const berth = await runThroughBerth(spec, 'berth', started);
    expect(normalize(berth)).toEqual(normalize(cli));

    // Round trip: "Copy as docker run" of the CLI's container, pasted back into Berth.
    const pasted = await connected.client.call('containers.parseRunCommand', { command: copied.command });
    expect(pasted.spec.name).toBe(cliName);
    const again = await runThroughBerth(pasted.spec, 'copy', started);
    expect(normalize(again)).toEqual(normalize(cli));
  });
});
