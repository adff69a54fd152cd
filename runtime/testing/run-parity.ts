// Test-only: the `docker run` lines Berth must create exactly as the docker CLI does, and the
// steps both parity suites share (run-parity.int.test.ts on the default engine, every line;
// engines.int.test.ts on each engine, the lines marked `everyEngine`). Not part of the build.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { CreateResult, RunSpecInput } from '../api/index.js';
import { readShellLine } from '../api/shell-words.js';
import { moreParityLines } from './run-parity-more.js';

/** The docker CLI pointed at one engine: the arguments after `docker`, answers stdout. */
export type DockerCli = (...args: string[]) => Promise<string>;

export interface ParityLine {
  line: string;
  /**
   * Also run on every engine of the several-engines suite. Such a line needs no user network,
   * no `container:` and no image but {img}, and its host ports, if any, are 180xx ones that
   * `fillLine` can move (that suite runs beside run-parity, on the same host's ports).
   */
  everyEngine?: true;
  /**
   * Why this sandbox cannot start it: the engine creates it and refuses the start, for the docker
   * CLI and for Berth alike, and the two created (never started) containers are compared.
   */
  notStarted?: string;
  /**
   * A field of the engine's record that differs for a reason of its own, set aside from the
   * comparison: the dotted path (`HostConfig.ContainerIDFile`) and why.
   */
  setAside?: { field: string; reason: string };
  /**
   * Why it must be refused: the docker CLI refuses it against this engine (too old, Windows-only
   * flag, a storage driver that cannot), and Berth must refuse it too, creating nothing.
   */
  refused?: string;
  /**
   * Why the docker CLI on PATH (28) cannot be the reference: it is then run with the docker CLI of
   * the engine's own release (Debian's docker.io 20.10), which speaks the engine's API version.
   */
  engineCli?: string;
}

/**
 * Placeholders: {img} the busybox test image, {exposing} an image that EXPOSEs 80 and 443,
 * {bind} a temp dir, {vol} a named volume, {net} a user network, {base} a running container
 * (with an anonymous volume at /from-base). The further flags' lines (run-parity-more.ts) have
 * more: {netip} a free address on {net}, {envfile} and {labelfile} files of variables and
 * labels, {cidfile} a path for the CLI's container id file, {regimg} the test image in the test
 * registry, {platform} this machine's own `linux/ARCH`.
 */
const everydayLines: readonly ParityLine[] = [
  { line: 'docker run -d {img} sleep 300', everyEngine: true },
  { line: 'docker run -d -p 18080:80 {img} sleep 300' },
  { line: 'docker run -d -p 80 -p 127.0.0.1::81/udp {img} sleep 300', everyEngine: true },
  { line: 'docker run -d -p 127.0.0.1:18081:82/udp -p 0.0.0.0:18082:83 {img} sleep 300' },
  { line: 'docker run -d -p 18083-18084:90-91 -p 92-93/udp {img} sleep 300', everyEngine: true },
  { line: 'docker run -d -p 18085:80 -p 18086:80 --publish=published=18087,target=81,protocol=udp {img} sleep 300' },
  { line: 'docker run -d -p 18093-18096:80 -p 127.0.0.1:18097-18099:81/udp {img} sleep 300' },
  { line: 'docker run -d -P {exposing} sleep 300' },
  { line: 'docker run -d -P -p 18088:80 {exposing} sleep 300' },
  { line: 'docker run -d -v {bind}:/host {img} sleep 300' },
  { line: 'docker run -d -v {bind}:/host:ro -v {vol}:/named -v /anonymous {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --volume={vol}:/named:ro -v /a1 -v /a2 {img} sleep 300' },
  { line: 'docker run -d -v {bind}:/b:ro,z -v {vol}:/n:nocopy -v {bind}:/c:rw,rprivate {img} sleep 300' },
  { line: 'docker run -d --tmpfs /scratch --tmpfs /sized:size=64m,mode=1777 {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --restart always {img} sleep 300' },
  { line: 'docker run -d --restart unless-stopped {img} sleep 300' },
  { line: 'docker run -d --restart on-failure:3 {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --restart on-failure --restart=no {img} sleep 300' },
  { line: 'docker run -d -m 64m {img} sleep 300' },
  { line: 'docker run -d --memory=64m --memory-swap 128m --memory-reservation 32m {img} sleep 300', everyEngine: true },
  { line: 'docker run -d -m 32m --memory-swap -1 {img} sleep 300' },
  { line: 'docker run -d --cpus 1.5 --cpu-shares 512 {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --cpus=0.25 -c 100 --cpuset-cpus 0-1 --pids-limit 64 {img} sleep 300' },
  { line: 'docker run -d --pids-limit -1 {img} sleep 300' },
  { line: 'docker run -d --network host {img} sleep 300' },
  { line: 'docker run -d --network none {img} sleep 300' },
  { line: 'docker run -d --network bridge -p 18089:80 {img} sleep 300' },
  { line: 'docker run -d --net {net} --hostname web1 --add-host db:10.1.2.3 --add-host gw=10.1.2.4 --dns 1.1.1.1 --dns 9.9.9.9 {img} sleep 300' },
  { line: 'docker run -d --network container:{base} {img} sleep 300' },
  { line: 'docker run -d -h box.example.com -u 1000:1000 -w /tmp {img} sleep 300', everyEngine: true },
  { line: `docker run -d -e A=1 -e 'B=two words' -e C= -e BERTH_SURELY_UNSET -l team=core --label tier=web --label empty {img} sleep 300`, everyEngine: true },
  { line: 'docker run -d --rm {img} sleep 300' },
  { line: 'docker run -d -i {img} sleep 300' },
  { line: 'docker run -d -t {img} sleep 300' },
  { line: 'docker run -dit --init {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --read-only --init {img} sleep 300' },
  { line: 'docker run -d --privileged {img} sleep 300' },
  { line: 'docker run -d --pid host --ipc host {img} sleep 300' },
  { line: 'docker run -d --ipc shareable --pid container:{base} {img} sleep 300' },
  { line: 'docker run -d --ipc private {img} sleep 300' },
  { line: 'docker run -d --cap-add NET_ADMIN --cap-add sys_time --cap-drop MKNOD --cap-drop chown {img} sleep 300', everyEngine: true },
  { line: 'docker run -d --cap-add ALL --cap-drop CAP_NET_RAW {img} sleep 300' },
  { line: `docker run -d --entrypoint /bin/sh {img} -c 'sleep 300'`, everyEngine: true },
  { line: `docker run -d --entrypoint '' {img} sleep 300` },
  { line: `docker run -d --entrypoint=sleep {img} 300` },
  {
    line: 'docker run -d --name ignored-name --hostname h2 -it --init --restart on-failure:2 -m 48m --cpus 1 -e X=y -l a=b -p 18090:80 -v {vol}:/v -v /anon --tmpfs /t --add-host x:1.2.3.4 --dns 8.8.8.8 --cap-add SYS_ADMIN -w /srv -u nobody {img} sh -c "sleep 300"',
  },
];

export const parityTable: readonly ParityLine[] = [...everydayLines, ...moreParityLines];

export interface Placeholders {
  img: string;
  bind: string;
  vol: string;
  exposing?: string;
  net?: string;
  base?: string;
  netip?: string;
  envfile?: string;
  labelfile?: string;
  cidfile?: string;
  regimg?: string;
  platform?: string;
  /** Where the table's fixed host ports 18080-18099 go instead: 18180 moves 18083 to 18183. The table uses 180xx for nothing else. */
  hostPortBase?: number;
}

/** The line with its placeholders filled; a placeholder without a value is an error, not a literal `{net}`. */
export function fillLine(template: string, values: Placeholders): string {
  const filled = template.replace(/\{(img|exposing|bind|vol|netip|net|base|envfile|labelfile|cidfile|regimg|platform)\}/g, (whole, key: keyof Placeholders) => {
    const value = values[key];
    if (typeof value !== 'string') throw new Error(`${template}: no value for ${whole}`);
    return value;
  });
  const base = values.hostPortBase;
  return base === undefined ? filled : filled.replace(/\b180([89]\d)\b/g, (_, offset: string) => String(base + Number(offset) - 80));
}

export interface Inspected {
  Id: string;
  Name?: string;
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
  NetworkSettings?: { Networks?: Record<string, Record<string, unknown> | null> | null };
}

export async function inspectContainer(docker: DockerCli, name: string): Promise<Inspected> {
  return (JSON.parse(await docker('inspect', name)) as [Inspected])[0];
}

export interface Normalized {
  Config: Record<string, unknown>;
  HostConfig: Record<string, unknown>;
  /** What `NetworkingConfig` asked of each network: aliases, links, fixed addresses, driver options. */
  Networks: Record<string, Record<string, unknown>>;
}

/**
 * What depends on which container it is, not on the options: the hostname the engine makes
 * from the id. And the order of Env and of Binds: the docker CLI 28 emits `-e` values and `-v`
 * binds in no fixed order (it keeps `-v` in a Go map; the same command line gave different
 * orders in different runs here), and the order carries no meaning (the engine mounts by
 * destination depth, whatever the order). `podman`: see `podmanRecords`.
 */
export function normalize(inspected: Inspected, engine: 'docker' | 'podman' = 'docker'): Normalized {
  const config = { ...inspected.Config };
  if (config.Hostname === inspected.Id.slice(0, 12)) delete config.Hostname;
  const hostConfig = { ...inspected.HostConfig };
  if (engine === 'podman') podmanRecords(inspected.Id, config, hostConfig);
  if (Array.isArray(config.Env)) config.Env = [...(config.Env as string[])].sort();
  if (Array.isArray(hostConfig.Binds)) hostConfig.Binds = [...(hostConfig.Binds as string[])].sort();
  // A legacy link is kept under the linking container's own name: `/db:/<this one>/alias`.
  const self = inspected.Name ?? '';
  // The engine keeps links in a map: inspect lists them in no fixed order.
  if (Array.isArray(hostConfig.Links)) hostConfig.Links = (hostConfig.Links as string[]).map((link) => link.replace(`:${self}/`, ':/<self>/')).sort();
  return { Config: config, HostConfig: hostConfig, Networks: requestedNetworks(inspected) };
}

/** The comparison with one field set aside (see ParityLine.setAside). */
export function withoutField(normalized: Normalized, field: string): Normalized {
  const [part = '', key = ''] = field.split('.');
  const copy = { ...normalized, [part]: { ...(normalized[part as keyof Normalized] as Record<string, unknown>) } };
  delete (copy[part as keyof Normalized] as Record<string, unknown>)[key];
  return copy;
}

/**
 * The docker CLI 20.10 sends `null` where CLI 28 sends an empty list (`Ulimits`, the block IO
 * throttles); the engine keeps each as sent. Both mean "none": equal for a line run by the older CLI.
 */
export function emptyListsAsNull(normalized: Normalized): Normalized {
  const host = Object.fromEntries(Object.entries(normalized.HostConfig).map(([key, value]) => [key, Array.isArray(value) && value.length === 0 ? null : value]));
  return { ...normalized, HostConfig: host };
}

/**
 * Per network, what the create asked for (`NetworkingConfig`), not what the engine assigned on
 * start (addresses, gateway, endpoint ids): aliases without the container's own short id (which
 * the engine adds on a user network), links, the IPAM config and driver options.
 */
function requestedNetworks(inspected: Inspected): Record<string, Record<string, unknown>> {
  const shortId = inspected.Id.slice(0, 12);
  const networks: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(inspected.NetworkSettings?.Networks ?? {})) {
    const aliases = ((endpoint?.Aliases as string[] | null | undefined) ?? []).filter((alias) => alias !== shortId);
    networks[name] = { Aliases: aliases, Links: endpoint?.Links ?? null, IPAMConfig: endpoint?.IPAMConfig ?? null, DriverOpts: endpoint?.DriverOpts ?? null };
  }
  return networks;
}

/**
 * Podman's inspect records three things about which container it is that Docker's does not,
 * whoever created it: the docker CLI's container and Berth's on Podman both have them, so they
 * are set aside alike (README, "Podman differs"). Nothing else is.
 * - `HOSTNAME=<short id>` in Config.Env: Podman keeps the hostname it made from the id in the
 *   environment; Docker sets it in the process only.
 * - The host port it picked for a port published without one (`-p 80`) in HostConfig.PortBindings,
 *   where Docker keeps what was asked (`""`) and shows its pick only in NetworkSettings.Ports.
 *   Podman picks by binding port 0, so from the kernel's ephemeral range; the table's fixed host
 *   ports are all below it.
 * - Anonymous volumes (`-v /data`) in HostConfig.Binds under their generated names (64 hex
 *   digits), where Docker lists them only in Config.Volumes (which Podman leaves empty) and Mounts.
 */
function podmanRecords(id: string, config: Record<string, unknown>, hostConfig: Record<string, unknown>): void {
  if (Array.isArray(config.Env)) config.Env = (config.Env as string[]).filter((entry) => entry !== `HOSTNAME=${id.slice(0, 12)}`);
  const bindings = hostConfig.PortBindings as Record<string, { HostIp: string; HostPort: string }[] | null> | null;
  const [low = 32768, high = 60999] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  const picked = (port: string) => Number(port) >= low && Number(port) <= high;
  if (bindings) {
    hostConfig.PortBindings = Object.fromEntries(
      Object.entries(bindings).map(([port, list]) => [port, list?.map((binding) => (picked(binding.HostPort) ? { ...binding, HostPort: '<picked>' } : binding)) ?? null]),
    );
  }
  if (Array.isArray(hostConfig.Binds)) hostConfig.Binds = (hostConfig.Binds as string[]).map((bind) => bind.replace(/^[0-9a-f]{64}:/, '<anonymous>:'));
}

/**
 * Runs a filled `docker run -d ...` line with the docker CLI as `name` and inspects the
 * container; the caller removes it. `started`: `docker run -d` exits non-zero when the start
 * fails, and the container exists then, created; whoever compares must expect the same.
 */
export async function runWithCli(docker: DockerCli, line: string, name: string): Promise<{ started: boolean; inspected: Inspected }> {
  const started = await docker(...cliArguments(line, name)).then(
    () => true,
    () => false,
  );
  return { started, inspected: await inspectContainer(docker, name) };
}

/** `run -d --name NAME ...` from the line, its own --name taken out. */
function cliArguments(line: string, name: string): string[] {
  const read = readShellLine(line);
  if (!read.ok) throw new Error(`${line}: ${read.message}`);
  // `--name` goes right after `run -d`; a later --name in the line (the kitchen-sink row) wins, so strip it.
  const args = read.words.slice(1).map((word) => word.text);
  const named = args.indexOf('--name');
  if (named >= 0) args.splice(named, 2);
  args.splice(2, 0, '--name', name);
  return args;
}

/** The docker CLI's refusal of a line (its error output), or an error when it made a container after all. */
export async function refusalOfCli(docker: DockerCli, line: string, name: string): Promise<string> {
  const refusal = await docker(...cliArguments(line, name)).then(
    () => null,
    (error: unknown) => String((error as { stderr?: string }).stderr ?? error),
  );
  if (refusal === null) throw new Error(`the docker CLI ran ${line}, which the table says it refuses`);
  const made = await docker('ps', '-aq', '--filter', `name=^/${name}$`);
  if (made !== '') throw new Error(`the docker CLI refused ${line} but left ${name} behind`);
  return refusal;
}

/**
 * Creates `spec` as `name` through Berth (`create` sends containers.create to the engine the
 * CLI talks to), inspects it and removes it with its anonymous volumes. `started`: whether
 * the CLI's container started; where this machine refuses (privileged, ALL capabilities inside
 * an unprivileged sandbox) Berth must fail to start too.
 */
export async function createWithBerth(
  create: (spec: RunSpecInput) => Promise<CreateResult>,
  docker: DockerCli,
  spec: RunSpecInput,
  name: string,
  started: boolean,
): Promise<Inspected> {
  const result = await create({ ...spec, name });
  expect(result, result.startError?.message).toMatchObject({ name, started });
  expect(result.startError === undefined).toBe(started);
  const inspected = await inspectContainer(docker, name);
  await docker('rm', '-f', '-v', name);
  return inspected;
}
