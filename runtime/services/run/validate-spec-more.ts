import type { RunSpec } from '../../api/index.js';
import { parseGoDuration } from '../../api/go-duration.js';
import { apiBefore, describeApi, printedValues, tableFlags } from '../../api/run-flag-table.js';
import { durationNanos, isSeccompFile, readDnsSearch, readLink, readMacAddress, readSecurityOpt, readSysctl, seccompValue } from '../../api/run-flag-values.js';
import { isUserNetwork } from './create-body-more.js';

/**
 * The checks of the RunSpec groups beyond the everyday fields (validate-spec.ts does those):
 * what the engine would refuse, said before anything is sent and named by field, in the words
 * the docker CLI uses where it has them. `engine`: what the connected engine speaks, for the
 * flags that need a newer one.
 */

type Add = (field: string, message: string) => void;

export interface EngineKind {
  apiVersion?: string;
  os?: string;
}

const volumeNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function moreIssues(spec: RunSpec, engine: EngineKind, add: Add): void {
  versionIssues(spec, engine, add);
  healthIssues(spec, add);
  limitIssues(spec, add);
  securityIssues(spec, add);
  networkingIssues(spec, add);
  mountFlagIssues(spec, engine, add);
  if (spec.logging.driver === 'none' && Object.keys(spec.logging.options).length > 0) add('logging.options', 'invalid logging opts for driver none: it keeps no logs, so it takes no options');
  spec.volumesFrom.forEach((from, index) => {
    if (!/^[^:]+(:(ro|rw))?$/.test(from)) add(`volumesFrom.${index}`, 'must be CONTAINER, CONTAINER:ro or CONTAINER:rw');
  });
}

function versionIssues(spec: RunSpec, engine: EngineKind, add: Add): void {
  for (const row of tableFlags) {
    if (printedValues(row, spec).length === 0) continue;
    if (row.minApi !== undefined && engine.apiVersion !== undefined && apiBefore(engine.apiVersion, row.minApi)) {
      add(row.field, `--${row.name} needs ${describeApi(row.minApi)}; this engine speaks API ${engine.apiVersion}`);
    }
    if (row.windowsOnly && engine.os !== undefined && engine.os !== 'windows') {
      add(row.field, `--${row.name} is only supported on an engine running Windows containers; this engine runs ${engine.os}`);
    }
  }
}

function healthIssues(spec: RunSpec, add: Add): void {
  const check = spec.healthcheck;
  const timed = { interval: check.interval, timeout: check.timeout, startPeriod: check.startPeriod, startInterval: check.startInterval };
  const given = Object.values(timed).some((value) => value !== undefined) || check.command !== undefined || check.retries !== undefined;
  if (check.disabled && given) add('healthcheck.disabled', '--no-healthcheck conflicts with --health-* options');
  for (const [key, value] of Object.entries(timed)) {
    if (value !== undefined && !parseGoDuration(value).ok) add(`healthcheck.${key}`, 'is too long (at most about 104 days)');
    const nanos = durationNanos(value);
    // The engine's own floor: "cannot be less than 1ms" (0 means its default).
    if (nanos > 0 && nanos < 1_000_000) add(`healthcheck.${key}`, 'must be at least 1ms (or 0 for the default)');
  }
}

function limitIssues(spec: RunSpec, add: Add): void {
  const { limits, resources } = spec;
  const period = limits.cpuPeriod ?? 0;
  const quota = limits.cpuQuota ?? 0;
  if (period !== 0 && (period < 1000 || period > 1_000_000)) add('limits.cpuPeriod', 'must be 1000-1000000 microseconds (1ms to 1s)');
  if (quota > 0 && quota < 1000) add('limits.cpuQuota', 'must be at least 1000 microseconds (1ms), or -1 for none');
  if ((resources.cpus ?? 0) > 0 && (period !== 0 || quota > 0)) {
    add('resources.cpus', 'cannot be combined with a CPU period or quota (--cpus sets both): choose one way to limit CPU');
  }
  const rtPeriod = limits.cpuRealtimePeriod ?? 0;
  const rtRuntime = limits.cpuRealtimeRuntime ?? 0;
  if (rtPeriod > 0 && rtRuntime > rtPeriod) add('limits.cpuRealtimeRuntime', 'must not exceed the CPU real-time period');
  const weights: [string, number | undefined][] = [['limits.blkioWeight', limits.blkioWeight], ...limits.blkioWeightDevices.map((device, index): [string, number] => [`limits.blkioWeightDevices.${index}.weight`, device.weight])];
  for (const [field, weight] of weights) if (weight !== undefined && weight > 0 && weight < 10) add(field, 'must be 10-1000 (or 0 for none)');
  if ((limits.kernelMemoryBytes ?? 0) > 0 && (limits.kernelMemoryBytes ?? 0) < 4 * 1024 * 1024) add('limits.kernelMemoryBytes', 'must be at least 4 MiB');
  const seen = new Set<string>();
  limits.ulimits.forEach((limit, index) => {
    if (seen.has(limit.name)) add(`limits.ulimits.${index}.name`, `sets ${limit.name} a second time`);
    seen.add(limit.name);
    if (limit.hard !== -1 && (limit.soft === -1 || limit.soft > limit.hard)) add(`limits.ulimits.${index}.soft`, 'must be at most the hard limit');
  });
}

function securityIssues(spec: RunSpec, add: Add): void {
  const { security } = spec;
  security.options.forEach((option, index) => {
    const read = readSecurityOpt(option);
    if (!read.ok) return add(`security.options.${index}`, read.reason);
    const seccomp = seccompValue(option);
    if (seccomp !== null && isSeccompFile(seccomp)) {
      add(`security.options.${index}`, `seccomp=${seccomp}: give the profile itself (its JSON), or paste a docker run command naming the file so Berth reads it`);
    }
  });
  for (const [key, value] of Object.entries(security.sysctls)) {
    const read = readSysctl(`${key}=${value}`);
    if (!read.ok) add('security.sysctls', read.reason);
  }
  if (security.usernsMode !== undefined && security.usernsMode !== '' && security.usernsMode !== 'host') add('security.usernsMode', 'must be host (or left out)');
  if (security.utsMode !== undefined && security.utsMode !== '' && security.utsMode !== 'host') add('security.utsMode', 'must be host (or left out)');
  if (security.utsMode === 'host' && spec.hostname !== undefined) add('hostname', 'cannot be set with the host\'s UTS namespace (--uts host)');
}

function networkingIssues(spec: RunSpec, add: Add): void {
  const { networking } = spec;
  const network = spec.network ?? 'default';
  const userNetwork = isUserNetwork(network);
  const needsUserNetwork = (field: string, what: string) => add(field, `${what} only on a user network (--network NAME); this container is on ${network === 'default' ? 'the default bridge' : network}`);
  if (!userNetwork) {
    if (networking.ipv4Address !== undefined) needsUserNetwork('networking.ipv4Address', 'the engine assigns a fixed address');
    if (networking.ipv6Address !== undefined) needsUserNetwork('networking.ipv6Address', 'the engine assigns a fixed address');
    if (networking.aliases.length > 0) needsUserNetwork('networking.aliases', 'network-scoped aliases work');
  }
  if (Object.keys(networking.driverOptions).length > 0 && spec.network === undefined) {
    add('networking.driverOptions', 'driver options are given for a network named in --network (name=NET,driver-opt=KEY=VALUE): choose the network');
  }
  if (network.startsWith('container:')) {
    const shared = "cannot be set when sharing another container's network";
    if (networking.macAddress !== undefined) add('networking.macAddress', shared);
    if (networking.dnsSearch.length > 0) add('networking.dnsSearch', shared);
    if (networking.dnsOptions.length > 0) add('networking.dnsOptions', shared);
    if (networking.expose.length > 0) add('networking.expose', shared);
    if (networking.links.length > 0) add('networking.links', shared);
  }
  if (network === 'host' && networking.macAddress !== undefined) add('networking.macAddress', 'cannot be set with the host network');
  if (networking.macAddress !== undefined) {
    const read = readMacAddress(networking.macAddress);
    if (!read.ok) add('networking.macAddress', read.reason);
  }
  networking.dnsSearch.forEach((domain, index) => {
    const read = readDnsSearch(domain);
    if (!read.ok) add(`networking.dnsSearch.${index}`, read.reason);
  });
  networking.links.forEach((link, index) => {
    const read = readLink(link);
    if (!read.ok) add(`networking.links.${index}`, read.reason);
  });
}

function mountFlagIssues(spec: RunSpec, engine: EngineKind, add: Add): void {
  const newer = (field: string, what: string, version: string) => {
    if (engine.apiVersion !== undefined && apiBefore(engine.apiVersion, version)) add(field, `${what} needs ${describeApi(version)}; this engine speaks API ${engine.apiVersion}`);
  };
  spec.mountFlags.forEach((mount, index) => {
    const at = `mountFlags.${index}`;
    const source = mount.source ?? '';
    if (!mount.target.startsWith('/')) add(`${at}.target`, 'must be an absolute path in the container');
    if (mount.type === 'bind' && source === '') add(`${at}.source`, 'is required for a bind mount');
    else if (mount.type === 'bind' && !source.startsWith('/')) add(`${at}.source`, 'must be an absolute path on the engine host');
    if (mount.type === 'volume' && source !== '' && !volumeNamePattern.test(source)) add(`${at}.source`, 'is not a valid volume name (letters, digits, _ . -; at least two characters)');
    if (mount.type === 'tmpfs' && source !== '') add(`${at}.source`, 'must be left out: a tmpfs has no source');
    if (mount.type === 'image' && source === '') add(`${at}.source`, 'is required for an image mount (the image to mount)');
    if (mount.type === 'npipe' && engine.os !== undefined && engine.os !== 'windows') add(`${at}.type`, `npipe is only for engines running Windows containers; this engine runs ${engine.os}`);
    if (mount.type === 'image') newer(`${at}.type`, 'an image mount', '1.47');
    if (mount.bindReadOnlyNonRecursive || mount.bindReadOnlyForceRecursive) newer(`${at}.bindReadOnlyForceRecursive`, 'bind-recursive=writable|readonly', '1.44');
    if (mount.volumeSubpath !== undefined) newer(`${at}.volumeSubpath`, 'volume-subpath', '1.45');
  });
}
