import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpecInput } from '../../api/index.js';
import { readShellLine } from '../../api/shell-words.js';
import { connectBackend, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

/**
 * Parity with the docker CLI on the real engine: each line of the table is run once by
 * `docker run -d` and once through Berth's contract (containers.parseRunCommand ->
 * containers.create), and the engine must hold the same Config and HostConfig for both.
 * Then "Copy as docker run" of the CLI's container (containers.runCommand) is run through
 * Berth again and must give the same once more: the round trip.
 *
 * Placeholders: {img} the busybox test image, {exposing} an image that EXPOSEs 80 and 443,
 * {bind} a temp dir, {vol} a named volume, {net} a user network, {base} a running container.
 */
const table: string[] = [
  'docker run -d {img} sleep 300',
  'docker run -d -p 18080:80 {img} sleep 300',
  'docker run -d -p 80 -p 127.0.0.1::81/udp {img} sleep 300',
  'docker run -d -p 127.0.0.1:18081:82/udp -p 0.0.0.0:18082:83 {img} sleep 300',
  'docker run -d -p 18083-18084:90-91 -p 92-93/udp {img} sleep 300',
  'docker run -d -p 18085:80 -p 18086:80 --publish=published=18087,target=81,protocol=udp {img} sleep 300',
  'docker run -d -P {exposing} sleep 300',
  'docker run -d -P -p 18088:80 {exposing} sleep 300',
  'docker run -d -v {bind}:/host {img} sleep 300',
  'docker run -d -v {bind}:/host:ro -v {vol}:/named -v /anonymous {img} sleep 300',
  'docker run -d --volume={vol}:/named:ro -v /a1 -v /a2 {img} sleep 300',
  'docker run -d --tmpfs /scratch --tmpfs /sized:size=64m,mode=1777 {img} sleep 300',
  'docker run -d --restart always {img} sleep 300',
  'docker run -d --restart unless-stopped {img} sleep 300',
  'docker run -d --restart on-failure:3 {img} sleep 300',
  'docker run -d --restart on-failure --restart=no {img} sleep 300',
  'docker run -d -m 64m {img} sleep 300',
  'docker run -d --memory=64m --memory-swap 128m --memory-reservation 32m {img} sleep 300',
  'docker run -d -m 32m --memory-swap -1 {img} sleep 300',
  'docker run -d --cpus 1.5 --cpu-shares 512 {img} sleep 300',
  'docker run -d --cpus=0.25 -c 100 --cpuset-cpus 0-1 --pids-limit 64 {img} sleep 300',
  'docker run -d --pids-limit -1 {img} sleep 300',
  'docker run -d --network host {img} sleep 300',
  'docker run -d --network none {img} sleep 300',
  'docker run -d --network bridge -p 18089:80 {img} sleep 300',
  'docker run -d --net {net} --hostname web1 --add-host db:10.1.2.3 --add-host gw=10.1.2.4 --dns 1.1.1.1 --dns 9.9.9.9 {img} sleep 300',
  'docker run -d --network container:{base} {img} sleep 300',
  'docker run -d -h box.example.com -u 1000:1000 -w /tmp {img} sleep 300',
  `docker run -d -e A=1 -e 'B=two words' -e C= -e BERTH_SURELY_UNSET -l team=core --label tier=web --label empty {img} sleep 300`,
  'docker run -d --rm {img} sleep 300',
  'docker run -d -i {img} sleep 300',
  'docker run -d -t {img} sleep 300',
  'docker run -dit --init {img} sleep 300',
  'docker run -d --read-only --init {img} sleep 300',
  'docker run -d --privileged {img} sleep 300',
  'docker run -d --pid host --ipc host {img} sleep 300',
  'docker run -d --ipc shareable --pid container:{base} {img} sleep 300',
  'docker run -d --ipc private {img} sleep 300',
  'docker run -d --cap-add NET_ADMIN --cap-add sys_time --cap-drop MKNOD --cap-drop chown {img} sleep 300',
  'docker run -d --cap-add ALL --cap-drop CAP_NET_RAW {img} sleep 300',
  `docker run -d --entrypoint /bin/sh {img} -c 'sleep 300'`,
  `docker run -d --entrypoint '' {img} sleep 300`,
  `docker run -d --entrypoint=sleep {img} 300`,
  'docker run -d --name ignored-name --hostname h2 -it --init --restart on-failure:2 -m 48m --cpus 1 -e X=y -l a=b -p 18090:80 -v {vol}:/v -v /anon --tmpfs /t --add-host x:1.2.3.4 --dns 8.8.8.8 --cap-add SYS_ADMIN -w /srv -u nobody {img} sh -c "sleep 300"',
];

let connected: Connected;
let bindDir: string;
const volume = uniqueName('vol');
const network = uniqueName('net');
const base = uniqueName('base');
const exposing = `berth-test/exposing:${uniqueName('img')}`;
const leftovers: string[] = [];

beforeAll(async () => {
  connected = await connectBackend();
  bindDir = await mkdtemp(path.join(os.tmpdir(), 'berth-parity-'));
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
  await rm(bindDir, { recursive: true, force: true });
  connected.close();
});

function fill(line: string): string {
  return line
    .replaceAll('{img}', testImage())
    .replaceAll('{exposing}', exposing)
    .replaceAll('{bind}', bindDir)
    .replaceAll('{vol}', volume)
    .replaceAll('{net}', network)
    .replaceAll('{base}', base);
}

interface Inspected {
  Id: string;
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
}

async function inspect(name: string): Promise<Inspected> {
  return (JSON.parse(await docker('inspect', name)) as [Inspected])[0];
}

/**
 * What depends on which container it is, not on the options: the hostname the engine makes
 * from the id. And the order of Env and of Binds: the docker CLI 28 emits `-e` values and `-v`
 * binds in no fixed order (it keeps `-v` in a Go map; the same command line gave different
 * orders in different runs here), and the order carries no meaning (the engine mounts by
 * destination depth, whatever the order).
 */
function normalize(inspected: Inspected): { Config: Record<string, unknown>; HostConfig: Record<string, unknown> } {
  const config = { ...inspected.Config };
  if (config.Hostname === inspected.Id.slice(0, 12)) delete config.Hostname;
  if (Array.isArray(config.Env)) config.Env = [...(config.Env as string[])].sort();
  const hostConfig = { ...inspected.HostConfig };
  if (Array.isArray(hostConfig.Binds)) hostConfig.Binds = [...(hostConfig.Binds as string[])].sort();
  return { Config: config, HostConfig: hostConfig };
}

/**
 * Runs a spec through the contract under `name`, inspects it, removes it (and its anonymous
 * volumes). `started`: whether the CLI's container started; where this machine refuses
 * (privileged, ALL capabilities inside an unprivileged sandbox) Berth must fail to start too.
 */
async function runThroughBerth(spec: RunSpecInput, name: string, started: boolean): Promise<Inspected> {
  leftovers.push(name);
  const result = await connected.client.call('containers.create', { spec: { ...spec, name }, start: true });
  expect(result).toMatchObject({ name, started });
  expect(result.startError === undefined).toBe(started);
  const inspected = await inspect(name);
  await docker('rm', '-f', '-v', name);
  return inspected;
}

describe('docker run -d and containers.create from the same line give the same container', () => {
  // Exact, so a line lost in an edit fails here; a line added updates this and the README's count.
  it('covers 44 lines', () => {
    expect(table).toHaveLength(44);
  });

  it.each(table.map((line) => [line]))('%s', async (template) => {
    const line = fill(template);
    const read = readShellLine(line);
    if (!read.ok) throw new Error(`${line}: ${read.message}`);
    const words = read.words.map((word) => word.text);
    const cliName = uniqueName('cli');
    leftovers.push(cliName);
    // `--name` goes right after `run -d`; a later --name in the line (the kitchen-sink row) wins, so strip it.
    const args = words.slice(1);
    const named = args.indexOf('--name');
    if (named >= 0) args.splice(named, 2);
    args.splice(2, 0, '--name', cliName);
    // `docker run -d` exits non-zero when the start fails; the container exists then, created.
    const started = await docker(...args).then(
      () => true,
      () => false,
    );
    const cli = await inspect(cliName);
    const copied = await connected.client.call('containers.runCommand', { id: cliName });
    await docker('rm', '-f', '-v', cliName);

    const { spec } = await connected.client.call('containers.parseRunCommand', { command: line });
    const berth = await runThroughBerth(spec, uniqueName('berth'), started);
    expect(normalize(berth)).toEqual(normalize(cli));

    // Round trip: "Copy as docker run" of the CLI's container, pasted back into Berth.
    const pasted = await connected.client.call('containers.parseRunCommand', { command: copied.command });
    expect(pasted.spec.name).toBe(cliName);
    const again = await runThroughBerth(pasted.spec, uniqueName('copy'), started);
    expect(normalize(again)).toEqual(normalize(cli));
  });
});
