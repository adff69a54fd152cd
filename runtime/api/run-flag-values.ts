import { formatByteSize, parseByteSize } from './byte-size.js';
import { readCsvRecord, writeCsvRecord } from './csv-fields.js';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { isIpv4Address, isIpv6Address } from './ip-address.js';
import {
  ulimitNames,
  type DeviceMappingSpec,
  type DeviceRateSpec,
  type DeviceWeightSpec,
  type ExposedPortSpec,
  type GpuRequestSpec,
  type MountFlagInput,
  type UlimitSpec,
} from './run-spec-groups.js';

/**
 * The values of the `docker run` flags beyond the everyday ones, read the way the docker CLI
 * reads them (its rules and, where it has one, its reason) and written back so that reading
 * gives the same value again. Pure: the pasted-command parser, "Copy as docker run" and the Run
 * form's Advanced part all use these, so a value means the same wherever it is typed.
 */

export type FlagValue<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

export const accept = <T>(value: T, warning?: string): FlagValue<T> => (warning === undefined ? { ok: true, value } : { ok: true, value, warning });
export const refuse = <T>(reason: string): FlagValue<T> => ({ ok: false, reason });

/** A Go `strconv.ParseInt`-style whole number: optional sign, decimal digits, within Number's exact range. */
export function readInteger(text: string): FlagValue<number> {
  if (!/^[+-]?\d+$/.test(text)) return refuse(`"${text}" is not a whole number`);
  const value = Number(text);
  return Number.isSafeInteger(value) ? accept(value) : refuse(`"${text}" is out of range`);
}

export function readNonNegative(text: string): FlagValue<number> {
  const read = readInteger(text);
  if (read.ok && read.value < 0) return refuse(`"${text}" must not be negative`);
  return read;
}

/** A size as the CLI's `RAMInBytes` reads it (`64m`, `1g`, `512`). */
export function readBytes(text: string): FlagValue<number> {
  const bytes = parseByteSize(text);
  return bytes === null ? refuse(`invalid size: '${text}' (e.g. 512m, 2g)`) : accept(bytes);
}

export const writeBytes = formatByteSize;

/** A Go duration (`30s`, `1m30s`); kept as written. Negative ones are refused as the CLI refuses them. */
export function readDuration(text: string): FlagValue<string> {
  const read = parseGoDuration(text);
  if (!read.ok) return refuse(read.reason);
  if (read.nanos < 0) return refuse('cannot be negative');
  return accept(text);
}

export function durationNanos(text: string | undefined): number {
  if (text === undefined) return 0;
  const read = parseGoDuration(text);
  return read.ok ? read.nanos : 0;
}

export const writeDurationNanos = formatGoDuration;

/** `--ulimit NAME=SOFT[:HARD]`, the hard limit defaulting to the soft one (go-units' ParseUlimit). */
export function readUlimit(text: string): FlagValue<UlimitSpec> {
  const eq = text.indexOf('=');
  if (eq < 0) return refuse(`invalid ulimit argument: ${text} (expected NAME=SOFT[:HARD], e.g. nofile=1024:2048)`);
  const name = text.slice(0, eq);
  if (!(ulimitNames as readonly string[]).includes(name)) return refuse(`invalid ulimit type: ${name} (one of ${ulimitNames.join(', ')})`);
  const limits = text.slice(eq + 1).split(':');
  if (limits.length > 2) return refuse(`too many limit value arguments - ${text.slice(eq + 1)}, can only have up to two, \`soft[:hard]\``);
  const soft = readInteger(limits[0] ?? '');
  if (!soft.ok) return refuse(`the soft limit ${soft.reason}`);
  const hard = limits[1] === undefined ? soft : readInteger(limits[1]);
  if (!hard.ok) return refuse(`the hard limit ${hard.reason}`);
  if (hard.value !== -1) {
    if (soft.value === -1) return refuse(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard.value}`);
    if (soft.value > hard.value) return refuse(`ulimit soft limit must be less than or equal to hard limit: ${soft.value} > ${hard.value}`);
  }
  return accept({ name: name as UlimitSpec['name'], soft: soft.value, hard: hard.value });
}

export function writeUlimit({ name, soft, hard }: UlimitSpec): string {
  return soft === hard ? `${name}=${soft}` : `${name}=${soft}:${hard}`;
}

/** `r`, `w` and `m`, each at most once: a device's cgroup permissions. */
export function isDeviceMode(text: string): text is DeviceMappingSpec['permissions'] {
  return text !== '' && /^[rwm]+$/.test(text) && new Set(text).size === text.length;
}

/** A CDI device's qualified name, `vendor.com/class=name`. */
export function isCdiName(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*=[A-Za-z0-9._:-]+$/.test(text);
}

/** POSIX `path.Clean` for absolute and relative paths. */
export function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts.at(-1) !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** `--device HOST[:CONTAINER][:PERMISSIONS]` on a Linux engine (the CLI's validateLinuxPath and parseLinuxDevice). */
export function readDevice(text: string): FlagValue<DeviceMappingSpec | { cdi: string }> {
  if (isCdiName(text)) return accept({ cdi: text });
  const parts = text.split(':');
  if (parts.length > 3 || parts[0] === '') return refuse(`bad format for path: ${text}`);
  const [source = '', second, third] = parts;
  let target = source;
  let permissions: DeviceMappingSpec['permissions'] = 'rwm';
  if (third !== undefined) {
    if (!isDeviceMode(third)) return refuse(`bad mode specified: ${third}`);
    target = second ?? '';
    permissions = third;
  } else if (second !== undefined) {
    if (isDeviceMode(second)) permissions = second;
    else target = second;
  }
  if (!target.startsWith('/')) return refuse(`${target} is not an absolute path`);
  return accept({ source, target: cleanPath(target), permissions });
}

export function writeDevice({ source, target, permissions }: DeviceMappingSpec): string {
  if (target === source) return permissions === 'rwm' ? source : `${source}:${permissions}`;
  return permissions === 'rwm' ? `${source}:${target}` : `${source}:${target}:${permissions}`;
}

function devicePathOf(text: string): FlagValue<{ path: string; rest: string }> {
  const colon = text.indexOf(':');
  if (colon <= 0) return refuse(`bad format: ${text} (expected DEVICE:VALUE, e.g. /dev/sda:10mb)`);
  const path = text.slice(0, colon);
  if (!path.startsWith('/dev/')) return refuse(`bad format for device path: ${text} (the device must be under /dev/)`);
  return accept({ path, rest: text.slice(colon + 1) });
}

/** `--device-read-bps /dev/sda:10mb`: a rate in bytes, units allowed. */
export function readDeviceBytesRate(text: string): FlagValue<DeviceRateSpec> {
  const parts = devicePathOf(text);
  if (!parts.ok) return parts;
  const rate = parseByteSize(parts.value.rest);
  if (rate === null) return refuse(`invalid rate for device: ${text}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`);
  return accept({ path: parts.value.path, rate });
}

/** `--device-read-iops /dev/sda:1000`: operations per second. */
export function readDeviceIoRate(text: string): FlagValue<DeviceRateSpec> {
  const parts = devicePathOf(text);
  if (!parts.ok) return parts;
  if (!/^\d+$/.test(parts.value.rest) || !Number.isSafeInteger(Number(parts.value.rest))) {
    return refuse(`invalid rate for device: ${text}. The correct format is <device-path>:<number>. Number must be a positive integer`);
  }
  return accept({ path: parts.value.path, rate: Number(parts.value.rest) });
}

export const writeDeviceBytesRate = ({ path, rate }: DeviceRateSpec): string => `${path}:${formatByteSize(rate)}`;
export const writeDeviceIoRate = ({ path, rate }: DeviceRateSpec): string => `${path}:${rate}`;

/** `--blkio-weight-device /dev/sda:200`: 10-1000, or 0. */
export function readDeviceWeight(text: string): FlagValue<DeviceWeightSpec> {
  const parts = devicePathOf(text);
  if (!parts.ok) return parts;
  const weight = Number(parts.value.rest);
  if (!/^\d+$/.test(parts.value.rest) || weight > 65535 || (weight > 0 && (weight < 10 || weight > 1000))) {
    return refuse(`invalid weight for device: ${text} (a weight is 10-1000)`);
  }
  return accept({ path: parts.value.path, weight });
}

export const writeDeviceWeight = ({ path, weight }: DeviceWeightSpec): string => `${path}:${weight}`;

/** `KEY=VALUE` for the map flags (`--log-opt`, `--annotation`, ...); `KEY` alone is an empty value, as the CLI has it. */
export function readKeyValue(text: string, requireEquals = false): FlagValue<[string, string]> {
  const eq = text.indexOf('=');
  if (eq < 0 && requireEquals) return refuse(`"${text}" must be KEY=VALUE`);
  const key = eq < 0 ? text : text.slice(0, eq);
  if (key === '') return refuse(`"${text}" has no key before =`);
  return accept([key, eq < 0 ? '' : text.slice(eq + 1)]);
}

const allowedSysctls = new Set(['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced']);

/** `--sysctl KEY=VALUE`, only the namespaced parameters the CLI allows. */
export function readSysctl(text: string): FlagValue<[string, string]> {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq);
  if (key === '' || !(allowedSysctls.has(key) || key.startsWith('net.') || key.startsWith('fs.mqueue.'))) {
    return refuse(`sysctl '${text}' is not allowed: only namespaced ones are (net.*, fs.mqueue.*, ${[...allowedSysctls].join(', ')})`);
  }
  return accept([key, text.slice(eq + 1)]);
}

/** `--security-opt KEY=VALUE` (or `KEY:VALUE`), or `no-new-privileges` alone. */
export function readSecurityOpt(text: string): FlagValue<string> {
  if (text === 'no-new-privileges') return accept(text);
  const match = /^([^=:]*)[=:](.*)$/s.exec(text);
  if (!match || match[2] === '') return refuse(`Invalid --security-opt: "${text}" (expected KEY=VALUE, e.g. seccomp=unconfined, or no-new-privileges)`);
  return accept(text);
}

/** The seccomp profile a security option names: `builtin`, `unconfined`, inline JSON, or (otherwise) a file path. */
export function seccompValue(option: string): string | null {
  const match = /^seccomp[=:](.*)$/s.exec(option);
  return match ? (match[1] ?? '') : null;
}

export function isSeccompFile(value: string): boolean {
  return value !== 'builtin' && value !== 'unconfined' && !value.trimStart().startsWith('{');
}

/** `--expose PORT[-END][/PROTO]`: each port of a range. */
export function readExpose(text: string): FlagValue<ExposedPortSpec[]> {
  if (text.includes(':')) return refuse(`invalid port format for --expose: ${text} (publishing is -p)`);
  const slash = text.indexOf('/');
  const protocol = slash < 0 ? 'tcp' : text.slice(slash + 1).toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return refuse(`invalid protocol in ${text}: must be tcp, udp or sctp`);
  const match = /^(\d+)(?:-(\d+))?$/.exec(slash < 0 ? text : text.slice(0, slash));
  const start = Number(match?.[1]);
  const end = match?.[2] === undefined ? start : Number(match[2]);
  if (!match || start < 1 || end > 65535 || end < start) return refuse(`invalid range format for --expose: ${text} (a port or range within 1-65535)`);
  return accept(Array.from({ length: end - start + 1 }, (_, offset) => ({ containerPort: start + offset, protocol })));
}

export const writeExpose = ({ containerPort, protocol }: ExposedPortSpec): string => (protocol === 'tcp' ? String(containerPort) : `${containerPort}/${protocol}`);

const domainPattern = /^(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])\.?$/;

/** `--dns-search example.com`, or `.` for none. */
export function readDnsSearch(text: string): FlagValue<string> {
  const value = text.replace(/^ +| +$/g, '');
  if (value === '.') return accept(value);
  if (!/[a-zA-Z]/.test(value) || !domainPattern.test(value) || value.length >= 255) return refuse(`${value} is not a valid domain`);
  return accept(value);
}

/** `--link NAME[:ALIAS]`. */
export function readLink(text: string): FlagValue<string> {
  if (text === '') return refuse('empty string specified for links');
  if (text.split(':').length > 2) return refuse(`bad format for links: ${text} (expected NAME[:ALIAS])`);
  return accept(text);
}

export function readIpv4(text: string): FlagValue<string> {
  return isIpv4Address(text) ? accept(text) : refuse(`"${text}" is not an IPv4 address`);
}

export function readIpv6(text: string): FlagValue<string> {
  return isIpv6Address(text) ? accept(text) : refuse(`"${text}" is not an IPv6 address`);
}

/** MAC addresses as Go's `net.ParseMAC` takes them: colon, hyphen or dot-separated, 6, 8 or 20 bytes. */
export function readMacAddress(text: string): FlagValue<string> {
  const value = text.trim();
  const grouped = (separator: string, size: number) =>
    value.split(separator).every((group) => new RegExp(`^[0-9a-fA-F]{${size}}$`).test(group)) && [6, 8, 20].includes((value.split(separator).length * size) / 2);
  const valid = value.includes('.') ? grouped('.', 4) : value.includes('-') ? grouped('-', 2) : grouped(':', 2);
  return valid ? accept(text) : refuse(`${text} is not a valid mac address`);
}

/** `--gpus all`, `--gpus 2`, `--gpus '"device=0,1"'`, `--gpus driver=nvidia,capabilities=compute`. */
export function readGpus(text: string): FlagValue<GpuRequestSpec> {
  const record = readCsvRecord(text);
  if (!record.ok) return refuse(record.reason);
  const request: GpuRequestSpec = { capabilities: ['gpu'], options: {} };
  const seen = new Set<string>();
  const count = (value: string): FlagValue<number> =>
    value === 'all' ? accept(-1) : /^[+-]?\d+$/.test(value) ? accept(Number(value)) : refuse(`invalid count (${value}): value must be either "all" or an integer`);
  for (const field of record.fields) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (seen.has(key)) return refuse(`gpu request key '${key}' can be specified only once`);
    seen.add(key);
    if (eq < 0 || key === 'count') {
      seen.add('count');
      const read = count(eq < 0 ? key : value);
      if (!read.ok) return read;
      request.count = read.value;
    } else if (key === 'driver') request.driver = value;
    else if (key === 'device') request.deviceIds = value.split(',');
    else if (key === 'capabilities') request.capabilities = [...value.split(','), 'gpu'];
    else if (key === 'options') {
      const options = readCsvRecord(value);
      if (!options.ok) return refuse(`failed to read gpu options: ${options.reason}`);
      for (const option of options.fields) {
        const at = option.indexOf('=');
        request.options[at < 0 ? option : option.slice(0, at)] = at < 0 ? '' : option.slice(at + 1);
      }
    } else return refuse(`unexpected key '${key}' in '${field}'`);
  }
  if (!seen.has('count') && request.deviceIds === undefined) request.count = 1;
  return accept(request);
}

export function writeGpus(request: GpuRequestSpec): string {
  const fields: string[] = [];
  if (request.driver !== undefined) fields.push(`driver=${request.driver}`);
  // A lone count is the short form (`all`, `2`); the count a request without devices gets anyway is left out.
  if (request.count !== undefined && !(request.count === 1 && request.deviceIds === undefined)) fields.push(request.count === -1 ? 'all' : `count=${request.count}`);
  if (request.deviceIds !== undefined) fields.push(`device=${request.deviceIds.join(',')}`);
  const capabilities = request.capabilities.slice(0, -1);
  if (request.capabilities.at(-1) !== 'gpu' || capabilities.length > 0) fields.push(`capabilities=${(request.capabilities.at(-1) === 'gpu' ? capabilities : request.capabilities).join(',')}`);
  const options = Object.entries(request.options);
  if (options.length > 0) fields.push(`options=${writeCsvRecord(options.map(([key, value]) => `${key}=${value}`))}`);
  if (fields.length === 1 && fields[0] === 'all') return 'all';
  return fields.length === 0 ? '1' : writeCsvRecord(fields);
}

export { readMount, writeMount } from './run-flag-mount.js';
export type { MountFlagInput };
