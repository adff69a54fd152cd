import type { RunSpec } from './run-spec.js';
import type { ExposedPortSpec, UlimitSpec } from './run-spec-groups.js';
import {
  accept,
  readBytes,
  readDevice,
  readDeviceBytesRate,
  readDeviceIoRate,
  readDeviceWeight,
  readDnsSearch,
  readDuration,
  readExpose,
  readGpus,
  readInteger,
  readIpv4,
  readIpv6,
  readKeyValue,
  readLink,
  readMacAddress,
  readMount,
  readNonNegative,
  readSecurityOpt,
  readSysctl,
  readUlimit,
  refuse,
  writeBytes,
  writeDevice,
  writeDeviceBytesRate,
  writeDeviceIoRate,
  writeDeviceWeight,
  writeExpose,
  writeGpus,
  writeMount,
  writeUlimit,
  type FlagValue,
} from './run-flag-values.js';

/**
 * The `docker run` flags beyond the everyday ones, one row each: where its value lives in the
 * RunSpec, how one occurrence is read into it, and how the spec's values are written back as
 * occurrences. One table serves the pasted-command parser, "Copy as docker run" and the Run
 * form's Advanced part (a text per flag, one occurrence per line), so the three never disagree.
 */

export type FlagSection = 'Healthcheck' | 'Limits' | 'Devices' | 'Security' | 'Networking' | 'Logging' | 'Lifecycle' | 'Mounts';

/** A RunSpec as it is being built: plain nested objects. */
export type SpecObject = Record<string, unknown>;

export interface TableFlag {
  /** The long name without dashes, e.g. `ulimit`. */
  name: string;
  /** Other names the CLI takes for it (`dns-opt` for `dns-option`). */
  aliases?: string[];
  section: FlagSection;
  /** A few words naming it in the form, e.g. `Ulimits`. */
  label: string;
  /** The dotted RunSpec path of its value: issues at or below it belong to this flag. */
  field: string;
  /** Further paths it fills (`--device` also fills `devices.cdi`). */
  alsoFields?: string[];
  /** `value`: one value (the last occurrence wins); `list`: every occurrence adds; `switch`: no value. */
  kind: 'value' | 'list' | 'switch';
  /** An example value, for the form. */
  example: string;
  /** The engine API version that first takes it (`1.43`). */
  minApi?: string;
  /** Only engines running Windows containers take it. */
  windowsOnly?: true;
  /**
   * Not a flag of its own: said inside `--network`'s long form (`--network
   * name=NET,driver-opt=KEY=VALUE`), where "Copy as docker run" prints its values too.
   */
  withinNetwork?: true;
  /** Reads one occurrence's value into the spec; a switch gets `true` or `false`. */
  apply(spec: SpecObject, text: string): FlagValue<unknown>;
  /** The spec's values as the occurrences that say them (a switch that is on: one empty text). Any field may be absent. */
  print(spec: RunSpec): string[];
}

type Reader<T> = (text: string) => FlagValue<T>;

function objectAt(spec: SpecObject, path: string[]): SpecObject {
  let current = spec;
  for (const key of path) {
    const next = current[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) current = next as SpecObject;
    else current = current[key] = {};
  }
  return current;
}

function valueAt(spec: unknown, path: string[]): unknown {
  let current = spec;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as SpecObject)[key] : undefined;
  return current;
}

function split(field: string): { parent: string[]; key: string } {
  const path = field.split('.');
  return { parent: path.slice(0, -1), key: path.at(-1) ?? field };
}

type Base = Pick<TableFlag, 'name' | 'section' | 'label' | 'field' | 'example'> & Partial<Pick<TableFlag, 'aliases' | 'minApi' | 'windowsOnly' | 'withinNetwork'>>;

function valueFlag<T>(base: Base, read: Reader<T>, write: (value: T) => string = String): TableFlag {
  const { parent, key } = split(base.field);
  return {
    ...base,
    kind: 'value',
    apply(spec, text) {
      const read1 = read(text);
      if (read1.ok) objectAt(spec, parent)[key] = read1.value;
      return read1;
    },
    print: (spec) => {
      const value = valueAt(spec, base.field.split('.')) as T | undefined;
      return value === undefined ? [] : [write(value)];
    },
  };
}

function listFlag<T>(base: Base, read: Reader<T | T[]>, write: (value: T) => string = String, sameEntry?: (a: T, b: T) => boolean): TableFlag {
  const { parent, key } = split(base.field);
  return {
    ...base,
    kind: 'list',
    apply(spec, text) {
      const read1 = read(text);
      if (!read1.ok) return read1;
      const holder = objectAt(spec, parent);
      const list = Array.isArray(holder[key]) ? (holder[key] as T[]) : (holder[key] = [] as T[]);
      for (const item of Array.isArray(read1.value) ? read1.value : [read1.value]) {
        // A later occurrence replaces an earlier one for the same thing (`--ulimit nofile=...` twice).
        const earlier = sameEntry === undefined ? -1 : list.findIndex((entry) => sameEntry(entry, item));
        if (earlier >= 0) list.splice(earlier, 1, item);
        else list.push(item);
      }
      return read1;
    },
    print: (spec) => ((valueAt(spec, base.field.split('.')) as T[] | undefined) ?? []).map(write),
  };
}

function mapFlag(base: Base, read: Reader<[string, string]> = (text) => readKeyValue(text)): TableFlag {
  const { parent, key } = split(base.field);
  return {
    ...base,
    kind: 'list',
    apply(spec, text) {
      const read1 = read(text);
      if (read1.ok) objectAt(objectAt(spec, parent), [key])[read1.value[0]] = read1.value[1];
      return read1;
    },
    print: (spec) => Object.entries((valueAt(spec, base.field.split('.')) as Record<string, string> | undefined) ?? {}).map(([k, v]) => `${k}=${v}`),
  };
}

function switchFlag(base: Base): TableFlag {
  const { parent, key } = split(base.field);
  return {
    ...base,
    kind: 'switch',
    apply(spec, text) {
      objectAt(spec, parent)[key] = text === 'true';
      return accept(text === 'true');
    },
    print: (spec) => (valueAt(spec, base.field.split('.')) === true ? [''] : []),
  };
}

const anyText: Reader<string> = (text) => accept(text);
const oneOf =
  (flag: string, choices: readonly string[], noun: string): Reader<string> =>
  (text) =>
    choices.includes(text) ? accept(text) : refuse(`${flag}: invalid ${noun} mode (${choices.join(' or ')})`);
const retries: Reader<number> = (text) => {
  const read = readInteger(text);
  return read.ok && read.value < 0 ? refuse('--health-retries cannot be negative') : read;
};
const swappiness: Reader<number | undefined> = (text) => {
  const read = readInteger(text);
  if (!read.ok) return read;
  if (read.value === -1) return accept(undefined);
  return read.value < 0 || read.value > 100 ? refuse(`invalid value: ${read.value}. Valid memory swappiness range is 0-100`) : read;
};
const blkioWeight: Reader<number> = (text) => {
  const read = readNonNegative(text);
  return read.ok && read.value > 65535 ? refuse(`"${text}" is out of range (10-1000)`) : read;
};
const cgroupRule: Reader<string> = (text) =>
  /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(text) ? accept(text) : refuse(`invalid device cgroup format '${text}' (e.g. 'c 1:3 mr')`);
const pull: Reader<string> = (text) =>
  ['always', 'missing', 'never'].includes(text) ? accept(text) : refuse(`invalid pull option: '${text}': must be one of "always", "missing" or "never"`);
const platform: Reader<string> = (text) =>
  /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+){0,2}$/.test(text) ? accept(text.toLowerCase()) : refuse(`error parsing specified platform: "${text}" (expected OS/ARCH[/VARIANT], e.g. linux/arm64)`);
/** `driver-opt=KEY=VALUE` of `--network`'s long form: both trimmed, as the CLI reads them. */
const readDriverOpt: Reader<[string, string]> = (text) => {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  return key === '' ? refuse(`invalid key value pair format in driver options: "${text}" (expected KEY=VALUE)`) : accept([key, text.slice(eq + 1).trim()]);
};
const storageOpt: Reader<[string, string]> = (text) => (text.includes('=') ? readKeyValue(text) : refuse(`invalid storage option "${text}" (expected KEY=VALUE)`));
const durations = (name: string, key: string, label: string, example: string, minApi?: string): TableFlag =>
  valueFlag({ name, section: 'Healthcheck', label, field: `healthcheck.${key}`, example, ...(minApi ? { minApi } : {}) }, readDuration);
const sameUlimit = (a: UlimitSpec, b: UlimitSpec) => a.name === b.name;
const samePort = (a: ExposedPortSpec, b: ExposedPortSpec) => a.containerPort === b.containerPort && a.protocol === b.protocol;

const deviceFlag: TableFlag = {
  name: 'device',
  section: 'Devices',
  label: 'Devices',
  field: 'devices.mappings',
  alsoFields: ['devices.cdi'],
  kind: 'list',
  example: '/dev/snd:/dev/snd:rw',
  apply(spec, text) {
    const read = readDevice(text);
    if (!read.ok) return read;
    const devices = objectAt(spec, ['devices']);
    const key = 'cdi' in read.value ? 'cdi' : 'mappings';
    const list = Array.isArray(devices[key]) ? (devices[key] as unknown[]) : (devices[key] = [] as unknown[]);
    list.push('cdi' in read.value ? read.value.cdi : read.value);
    return read;
  },
  // Tolerant of a spec as written (`devices` or its lists left out), as the form prints a pasted one.
  print: (spec) => [...((spec.devices as Partial<RunSpec['devices']> | undefined)?.mappings ?? []).map(writeDevice), ...((spec.devices as Partial<RunSpec['devices']> | undefined)?.cdi ?? [])],
};

export const tableFlags: readonly TableFlag[] = [
  valueFlag({ name: 'health-cmd', section: 'Healthcheck', label: 'Health command', field: 'healthcheck.command', example: 'curl -f http://localhost/ || exit 1' }, anyText),
  durations('health-interval', 'interval', 'Health interval', '30s'),
  durations('health-timeout', 'timeout', 'Health timeout', '5s'),
  durations('health-start-period', 'startPeriod', 'Health start period', '1m'),
  durations('health-start-interval', 'startInterval', 'Health start interval', '5s', '1.44'),
  valueFlag({ name: 'health-retries', section: 'Healthcheck', label: 'Health retries', field: 'healthcheck.retries', example: '3' }, retries),
  switchFlag({ name: 'no-healthcheck', section: 'Healthcheck', label: 'No healthcheck', field: 'healthcheck.disabled', example: '' }),

  listFlag({ name: 'ulimit', section: 'Limits', label: 'Ulimits', field: 'limits.ulimits', example: 'nofile=1024:2048' }, readUlimit, writeUlimit, sameUlimit),
  valueFlag({ name: 'shm-size', section: 'Limits', label: 'Shared memory size', field: 'limits.shmSizeBytes', example: '256m' }, readBytes, writeBytes),
  valueFlag({ name: 'memory-swappiness', section: 'Limits', label: 'Memory swappiness', field: 'limits.memorySwappiness', example: '60' }, swappiness),
  switchFlag({ name: 'oom-kill-disable', section: 'Limits', label: 'Disable OOM killer', field: 'limits.oomKillDisable', example: '' }),
  valueFlag({ name: 'oom-score-adj', section: 'Limits', label: 'OOM score adjustment', field: 'limits.oomScoreAdj', example: '500' }, readInteger),
  valueFlag({ name: 'kernel-memory', section: 'Limits', label: 'Kernel memory', field: 'limits.kernelMemoryBytes', example: '64m' }, readBytes, writeBytes),
  valueFlag({ name: 'cpu-period', section: 'Limits', label: 'CPU period', field: 'limits.cpuPeriod', example: '100000' }, readInteger),
  valueFlag({ name: 'cpu-quota', section: 'Limits', label: 'CPU quota', field: 'limits.cpuQuota', example: '50000' }, readInteger),
  valueFlag({ name: 'cpu-rt-period', section: 'Limits', label: 'CPU real-time period', field: 'limits.cpuRealtimePeriod', example: '1000000' }, readInteger),
  valueFlag({ name: 'cpu-rt-runtime', section: 'Limits', label: 'CPU real-time runtime', field: 'limits.cpuRealtimeRuntime', example: '950000' }, readInteger),
  valueFlag({ name: 'cpuset-mems', section: 'Limits', label: 'Memory nodes', field: 'limits.cpusetMems', example: '0-1' }, anyText),
  valueFlag({ name: 'blkio-weight', section: 'Limits', label: 'Block IO weight', field: 'limits.blkioWeight', example: '500' }, blkioWeight),
  listFlag({ name: 'blkio-weight-device', section: 'Limits', label: 'Block IO weight per device', field: 'limits.blkioWeightDevices', example: '/dev/sda:200' }, readDeviceWeight, writeDeviceWeight),
  listFlag({ name: 'device-read-bps', section: 'Limits', label: 'Device read rate', field: 'limits.deviceReadBps', example: '/dev/sda:10mb' }, readDeviceBytesRate, writeDeviceBytesRate),
  listFlag({ name: 'device-write-bps', section: 'Limits', label: 'Device write rate', field: 'limits.deviceWriteBps', example: '/dev/sda:10mb' }, readDeviceBytesRate, writeDeviceBytesRate),
  listFlag({ name: 'device-read-iops', section: 'Limits', label: 'Device read operations', field: 'limits.deviceReadIops', example: '/dev/sda:1000' }, readDeviceIoRate, writeDeviceIoRate),
  listFlag({ name: 'device-write-iops', section: 'Limits', label: 'Device write operations', field: 'limits.deviceWriteIops', example: '/dev/sda:1000' }, readDeviceIoRate, writeDeviceIoRate),
  mapFlag({ name: 'storage-opt', section: 'Limits', label: 'Storage options', field: 'limits.storageOpts', example: 'size=10G' }, storageOpt),
  valueFlag({ name: 'cpu-count', section: 'Limits', label: 'CPU count', field: 'limits.cpuCount', example: '2', windowsOnly: true }, readNonNegative),
  valueFlag({ name: 'cpu-percent', section: 'Limits', label: 'CPU percent', field: 'limits.cpuPercent', example: '50', windowsOnly: true }, readNonNegative),
  valueFlag({ name: 'io-maxiops', section: 'Limits', label: 'Maximum IO operations', field: 'limits.ioMaximumIops', example: '1000', windowsOnly: true }, readNonNegative),
  valueFlag(
    { name: 'io-maxbandwidth', section: 'Limits', label: 'Maximum IO bandwidth', field: 'limits.ioMaximumBandwidthBytes', example: '10m', windowsOnly: true },
    readBytes,
    writeBytes,
  ),

  deviceFlag,
  listFlag({ name: 'device-cgroup-rule', section: 'Devices', label: 'Device cgroup rules', field: 'devices.cgroupRules', example: 'c 42:* rmw' }, cgroupRule),
  listFlag({ name: 'gpus', section: 'Devices', label: 'GPUs', field: 'devices.gpus', example: 'all' }, readGpus, writeGpus),

  listFlag({ name: 'security-opt', section: 'Security', label: 'Security options', field: 'security.options', example: 'no-new-privileges' }, readSecurityOpt),
  listFlag({ name: 'group-add', section: 'Security', label: 'Extra groups', field: 'security.groupAdd', example: 'audio' }, anyText),
  valueFlag({ name: 'userns', section: 'Security', label: 'User namespace', field: 'security.usernsMode', example: 'host' }, oneOf('--userns', ['host'], 'USER')),
  valueFlag({ name: 'uts', section: 'Security', label: 'UTS namespace', field: 'security.utsMode', example: 'host' }, oneOf('--uts', ['host'], 'UTS')),
  valueFlag({ name: 'cgroupns', section: 'Security', label: 'Cgroup namespace', field: 'security.cgroupnsMode', example: 'private' }, oneOf('--cgroupns', ['host', 'private'], 'CGROUP')),
  valueFlag({ name: 'cgroup-parent', section: 'Security', label: 'Cgroup parent', field: 'security.cgroupParent', example: 'my-services' }, anyText),
  mapFlag({ name: 'sysctl', section: 'Security', label: 'Sysctls', field: 'security.sysctls', example: 'net.ipv4.ip_forward=1' }, readSysctl),
  valueFlag({ name: 'runtime', section: 'Security', label: 'Runtime', field: 'security.runtime', example: 'runc' }, anyText),
  valueFlag({ name: 'isolation', section: 'Security', label: 'Isolation', field: 'security.isolation', example: 'default' }, anyText),
  mapFlag({ name: 'annotation', section: 'Security', label: 'Annotations', field: 'annotations', example: 'com.example.key=value', minApi: '1.43' }),

  listFlag({ name: 'expose', section: 'Networking', label: 'Exposed ports', field: 'networking.expose', example: '8080/tcp' }, readExpose, writeExpose, samePort),
  listFlag({ name: 'dns-search', section: 'Networking', label: 'DNS search domains', field: 'networking.dnsSearch', example: 'example.com' }, readDnsSearch),
  listFlag({ name: 'dns-option', aliases: ['dns-opt'], section: 'Networking', label: 'DNS options', field: 'networking.dnsOptions', example: 'ndots:2' }, anyText),
  valueFlag({ name: 'domainname', section: 'Networking', label: 'Domain name', field: 'networking.domainname', example: 'example.com' }, anyText),
  valueFlag({ name: 'ip', section: 'Networking', label: 'IPv4 address', field: 'networking.ipv4Address', example: '172.30.100.104' }, readIpv4),
  valueFlag({ name: 'ip6', section: 'Networking', label: 'IPv6 address', field: 'networking.ipv6Address', example: '2001:db8::33' }, readIpv6),
  valueFlag({ name: 'mac-address', section: 'Networking', label: 'MAC address', field: 'networking.macAddress', example: '92:d0:c6:0a:29:33' }, readMacAddress),
  listFlag({ name: 'network-alias', aliases: ['net-alias'], section: 'Networking', label: 'Network aliases', field: 'networking.aliases', example: 'web' }, anyText),
  listFlag({ name: 'link', section: 'Networking', label: 'Links (legacy)', field: 'networking.links', example: 'db:database' }, readLink),
  listFlag({ name: 'link-local-ip', section: 'Networking', label: 'Link-local addresses', field: 'networking.linkLocalIps', example: '169.254.10.10' }, anyText),
  mapFlag({ name: 'driver-opt', withinNetwork: true, section: 'Networking', label: 'Network driver options', field: 'networking.driverOptions', example: 'com.docker.network.endpoint.ifname=eth1' }, readDriverOpt),

  valueFlag({ name: 'log-driver', section: 'Logging', label: 'Log driver', field: 'logging.driver', example: 'local' }, anyText),
  mapFlag({ name: 'log-opt', section: 'Logging', label: 'Log options', field: 'logging.options', example: 'max-size=10m' }),

  valueFlag({ name: 'stop-signal', section: 'Lifecycle', label: 'Stop signal', field: 'lifecycle.stopSignal', example: 'SIGINT' }, anyText),
  valueFlag({ name: 'stop-timeout', section: 'Lifecycle', label: 'Stop timeout', field: 'lifecycle.stopTimeoutSeconds', example: '30' }, readInteger),
  valueFlag({ name: 'pull', section: 'Lifecycle', label: 'Pull', field: 'lifecycle.pull', example: 'always' }, pull, String),
  valueFlag({ name: 'platform', section: 'Lifecycle', label: 'Platform', field: 'lifecycle.platform', example: 'linux/arm64' }, platform),

  listFlag({ name: 'mount', section: 'Mounts', label: 'Mounts', field: 'mountFlags', example: 'type=bind,source=/srv/data,target=/data,readonly' }, readMount, writeMount),
  listFlag({ name: 'volumes-from', section: 'Mounts', label: 'Volumes from', field: 'volumesFrom', example: 'other-container:ro' }, anyText),
  valueFlag({ name: 'volume-driver', section: 'Mounts', label: 'Volume driver', field: 'volumeDriver', example: 'local' }, anyText),
];

const byName = new Map(tableFlags.flatMap((flag) => [flag.name, ...(flag.aliases ?? [])].map((name) => [name, flag] as const)));

/** The table's row for a long flag name (or alias), if it has one. */
export function tableFlag(name: string): TableFlag | undefined {
  return byName.get(name);
}

/** The row whose value a RunSpec path (`limits.ulimits.0.soft`) is part of. */
export function tableFlagOfField(path: string): TableFlag | undefined {
  const clean = path.replace(/^spec\./, '');
  return tableFlags.find((flag) => [flag.field, ...(flag.alsoFields ?? [])].some((field) => clean === field || clean.startsWith(`${field}.`)));
}

/** The `pull` default is what `docker run` does without the flag: nothing to print. */
export function printedValues(flag: TableFlag, spec: RunSpec): string[] {
  const values = flag.print(spec);
  return flag.name === 'pull' && values[0] === 'missing' ? [] : values;
}

/** Docker Engine releases by the API version they introduced, for messages. */
const engineReleases: Record<string, string> = {
  '1.40': '19.03', '1.41': '20.10', '1.42': '23.0', '1.43': '24.0', '1.44': '25.0', '1.45': '26.0', '1.46': '27.0', '1.47': '27.1', '1.48': '28.0', '1.49': '28.1', '1.50': '28.2',
};

/** `1.41` < `1.43`, compared number by number. */
export function apiBefore(version: string, minimum: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wantMajor = 0, wantMinor = 0] = minimum.split('.').map(Number);
  return major < wantMajor || (major === wantMajor && minor < wantMinor);
}

/** `engine API 1.43 (Docker Engine 24.0) or later`. */
export function describeApi(minimum: string): string {
  const release = engineReleases[minimum];
  return `engine API ${minimum}${release ? ` (Docker Engine ${release})` : ''} or later`;
}
