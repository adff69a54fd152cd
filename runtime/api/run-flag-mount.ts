import { formatByteSize, parseByteSize } from './byte-size.js';
import { readCsvRecord, writeCsvRecord } from './csv-fields.js';
import type { FlagValue } from './run-flag-values.js';
import type { MountFlagInput, MountFlagSpec } from './run-spec-groups.js';

/**
 * `--mount type=...,source=...,target=...[,options]` read as the docker CLI reads it (its
 * `MountOpt`): every key it knows, its defaults (type volume), its refusals (an option of
 * another type's family, `bind-recursive=readonly` without `readonly`) with its reasons. The
 * engine gets it as the CLI sends it, in `HostConfig.Mounts`; `writeMount` is the inverse.
 */

const bools: Record<string, boolean> = { '1': true, t: true, T: true, true: true, TRUE: true, True: true, '0': false, f: false, F: false, false: false, FALSE: false, False: false };

const types = new Set(['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image']);
const propagations = new Set(['private', 'rprivate', 'shared', 'rshared', 'slave', 'rslave']);
const consistencies = new Set(['default', 'consistent', 'cached', 'delegated']);

export function readMount(text: string): FlagValue<MountFlagInput> {
  const record = readCsvRecord(text);
  if (!record.ok) return { ok: false, reason: record.reason };
  const mount: MountFlagInput = { type: 'volume', target: '' };
  const fail = (reason: string): FlagValue<MountFlagInput> => ({ ok: false, reason });
  const families = new Set<string>();
  let warning: string | undefined;
  for (const field of record.fields) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = field.slice(eq + 1);
    const family = /^(bind|volume|tmpfs|image)-/.exec(key)?.[1];
    // `bind-recursive=enabled` is the default and sets nothing, so it mixes with any type.
    if (family !== undefined && !(key === 'bind-recursive' && value === 'enabled' && eq >= 0)) families.add(family);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') mount.readOnly = true;
      else if (key === 'volume-nocopy') mount.volumeNoCopy = true;
      else if (key === 'bind-nonrecursive') mount.bindNonRecursive = true;
      else return fail(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    const flag = (): boolean | undefined => bools[value];
    switch (key) {
      case 'type': {
        const type = value.toLowerCase();
        if (!types.has(type)) return fail(`mount type "${value}" is not one of bind, volume, tmpfs, npipe, cluster, image`);
        mount.type = type as MountFlagSpec['type'];
        break;
      }
      case 'source':
      case 'src':
        mount.source = value;
        if (value.startsWith('.')) warning = `source "${value}" is relative to a directory Berth cannot know; use an absolute path`;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        mount.target = value;
        break;
      case 'readonly':
      case 'ro':
      case 'volume-nocopy':
      case 'bind-nonrecursive': {
        const on = flag();
        if (on === undefined) return fail(`invalid value for ${key}: ${value}`);
        if (key === 'volume-nocopy') mount.volumeNoCopy = on;
        else if (key === 'bind-nonrecursive') mount.bindNonRecursive = on;
        else mount.readOnly = on;
        break;
      }
      case 'consistency':
        if (!consistencies.has(value.toLowerCase())) return fail(`invalid value for consistency: ${value}`);
        mount.consistency = value.toLowerCase() as MountFlagSpec['consistency'];
        break;
      case 'bind-propagation':
        if (!propagations.has(value.toLowerCase())) return fail(`invalid value for bind-propagation: ${value} (private, rprivate, shared, rshared, slave or rslave)`);
        mount.bindPropagation = value.toLowerCase() as MountFlagSpec['bindPropagation'];
        break;
      case 'bind-recursive':
        if (value === 'disabled') mount.bindNonRecursive = true;
        else if (value === 'writable') mount.bindReadOnlyNonRecursive = true;
        else if (value === 'readonly') mount.bindReadOnlyForceRecursive = true;
        else if (value === 'enabled') break;
        else return fail(`invalid value for bind-recursive: ${value} (must be "enabled", "disabled", "writable", or "readonly")`);
        break;
      case 'volume-subpath':
        mount.volumeSubpath = value;
        break;
      case 'volume-label':
      case 'volume-opt': {
        const at = value.indexOf('=');
        const name = at < 0 ? value : value.slice(0, at);
        const target = key === 'volume-label' ? (mount.volumeLabels ??= {}) : (mount.volumeOptions ??= {});
        if (name !== '') target[name] = at < 0 ? '' : value.slice(at + 1);
        break;
      }
      case 'volume-driver':
        mount.volumeDriver = value;
        break;
      case 'image-subpath':
        mount.imageSubpath = value;
        break;
      case 'tmpfs-size': {
        const size = parseByteSize(value);
        if (size === null) return fail(`invalid value for tmpfs-size: ${value}`);
        mount.tmpfsSizeBytes = size;
        break;
      }
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(value) || Number.parseInt(value, 8) > 0o7777) return fail(`invalid value for tmpfs-mode: ${value} (an octal mode, e.g. 1777)`);
        mount.tmpfsMode = Number.parseInt(value, 8);
        break;
      default:
        return fail(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (mount.target === '') return fail('target is required');
  const type = mount.type ?? 'volume';
  for (const family of families) {
    if (family !== type) return fail(`cannot mix '${family}-*' options with mount type '${type}'`);
  }
  if (mount.bindReadOnlyNonRecursive && !mount.readOnly) return fail("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
  if (mount.bindReadOnlyForceRecursive) {
    if (!mount.readOnly) return fail("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
    if (mount.bindPropagation !== 'rprivate') return fail("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
  }
  return warning === undefined ? { ok: true, value: mount } : { ok: true, value: mount, warning };
}

/** The `--mount` value that `readMount` reads back as the same mount. */
export function writeMount(mount: MountFlagInput): string {
  const fields = [`type=${mount.type ?? 'volume'}`];
  if (mount.source !== undefined) fields.push(`source=${mount.source}`);
  fields.push(`target=${mount.target}`);
  if (mount.readOnly) fields.push('readonly');
  if (mount.consistency !== undefined) fields.push(`consistency=${mount.consistency}`);
  if (mount.bindPropagation !== undefined) fields.push(`bind-propagation=${mount.bindPropagation}`);
  if (mount.bindNonRecursive !== undefined) fields.push(mount.bindNonRecursive ? 'bind-recursive=disabled' : 'bind-nonrecursive=false');
  if (mount.bindReadOnlyNonRecursive) fields.push('bind-recursive=writable');
  if (mount.bindReadOnlyForceRecursive) fields.push('bind-recursive=readonly');
  if (mount.volumeNoCopy !== undefined) fields.push(`volume-nocopy=${mount.volumeNoCopy}`);
  for (const [key, value] of Object.entries(mount.volumeLabels ?? {})) fields.push(`volume-label=${key}=${value}`);
  if (mount.volumeDriver !== undefined) fields.push(`volume-driver=${mount.volumeDriver}`);
  for (const [key, value] of Object.entries(mount.volumeOptions ?? {})) fields.push(`volume-opt=${key}=${value}`);
  if (mount.volumeSubpath !== undefined) fields.push(`volume-subpath=${mount.volumeSubpath}`);
  if (mount.imageSubpath !== undefined) fields.push(`image-subpath=${mount.imageSubpath}`);
  if (mount.tmpfsSizeBytes !== undefined) fields.push(`tmpfs-size=${formatByteSize(mount.tmpfsSizeBytes)}`);
  if (mount.tmpfsMode !== undefined) fields.push(`tmpfs-mode=${mount.tmpfsMode.toString(8)}`);
  return writeCsvRecord(fields);
}
