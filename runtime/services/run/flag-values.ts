import type { MountSpec, RestartPolicySpec } from '../../api/index.js';

/**
 * Reads the values of the structured `docker run` flags (`-v`, `--mount`, `--tmpfs`,
 * `--restart`, `--add-host`) the way the docker CLI reads them. Each returns the RunSpec pieces
 * or a reason, which the command parser prefixes with the flag. (`-p` is read by
 * runtime/api/published-ports.ts, which the recreate editor shares.)
 */

export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

const ok = <T>(value: T, warning?: string): Parsed<T> => (warning === undefined ? { ok: true, value } : { ok: true, value, warning });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Volume options `-v` accepts that RunSpec keeps; anything else (`z`, `nocopy`, propagation) is refused by name. */
const readWriteOptions = new Set(['ro', 'rw']);

/**
 * `-v` as the CLI reads it on Linux: `/ctr` is an anonymous volume; `SRC:/ctr[:OPTS]` is a bind
 * when SRC is a path (absolute, or `.`/`~` relative: kept so validation can say it must be
 * absolute) and a named volume otherwise.
 */
export function parseVolume(text: string): Parsed<MountSpec> {
  const parts = text.split(':');
  if (parts.some((part) => part === '') || parts.length > 3) return fail(`"${text}" is not a valid volume specification`);
  const [first = '', second, third] = parts;
  if (second === undefined) return ok({ type: 'anonymous', target: first });
  if (readWriteOptions.has(second)) return fail(`"${text}" is not a valid volume specification (an anonymous volume takes no options)`);

  let readOnly = false;
  for (const option of (third ?? '').split(',').filter(Boolean)) {
    if (!readWriteOptions.has(option)) return fail(`"${text}": volume option "${option}" is not supported by Berth yet`);
    readOnly = option === 'ro';
  }
  const isPath = first.startsWith('/') || first.startsWith('.') || first.startsWith('~');
  const warning = isPath && !first.startsWith('/') ? `-v ${text}: "${first}" is relative to a directory Berth cannot know; use an absolute path` : undefined;
  return ok({ type: isPath ? 'bind' : 'volume', source: first, target: second, readOnly }, warning);
}

/** `--tmpfs /path[:options]`. */
export function parseTmpfs(text: string): Parsed<MountSpec> {
  const colon = text.indexOf(':');
  if (colon < 0) return text === '' ? fail('the path is empty') : ok({ type: 'tmpfs', target: text });
  const target = text.slice(0, colon);
  const options = text.slice(colon + 1);
  if (target === '') return fail(`"${text}": the path is empty`);
  return ok(options === '' ? { type: 'tmpfs', target } : { type: 'tmpfs', target, options });
}

/**
 * `--mount type=bind|volume|tmpfs,...` mapped to the RunSpec mount it means. The engine gets it
 * as `-v` / `--tmpfs` then (same mount; one difference: a missing bind source is created
 * instead of refused). Options RunSpec cannot keep are refused by name, never dropped.
 */
export function parseMount(text: string): Parsed<MountSpec> {
  let type = 'volume';
  let source: string | undefined;
  let target: string | undefined;
  let readOnly = false;
  const tmpfsOptions: string[] = [];
  for (const field of text.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : field.slice(eq + 1);
    switch (key) {
      case 'type':
        type = value ?? '';
        break;
      case 'source':
      case 'src':
        source = value;
        break;
      case 'target':
      case 'destination':
      case 'dst':
        target = value;
        break;
      case 'readonly':
      case 'ro':
        if (value !== undefined && !['true', '1', 'false', '0'].includes(value.toLowerCase())) return fail(`"${text}": readonly must be true or false`);
        readOnly = value === undefined || ['true', '1'].includes(value.toLowerCase());
        break;
      case 'tmpfs-size':
        tmpfsOptions.push(`size=${value ?? ''}`);
        break;
      case 'tmpfs-mode':
        tmpfsOptions.push(`mode=${value ?? ''}`);
        break;
      default:
        return fail(`"${text}": mount option "${key}" is not supported by Berth yet`);
    }
  }
  if (!target) return fail(`"${text}": target is required`);
  const mapped = 'mapped to the equivalent -v/--tmpfs mount';
  if (type === 'bind') {
    if (!source) return fail(`"${text}": a bind mount needs a source`);
    return ok({ type: 'bind', source, target, readOnly }, `--mount ${text}: ${mapped} (a missing source directory is created rather than refused)`);
  }
  if (type === 'volume') {
    if (source) return ok({ type: 'volume', source, target, readOnly }, `--mount ${text}: ${mapped}`);
    if (readOnly) return fail(`"${text}": a read-only anonymous volume is not supported by Berth yet`);
    return ok({ type: 'anonymous', target }, `--mount ${text}: ${mapped}`);
  }
  if (type === 'tmpfs') {
    if (source) return fail(`"${text}": a tmpfs mount takes no source`);
    if (readOnly) return fail(`"${text}": a read-only tmpfs is not supported by Berth yet`);
    const options = tmpfsOptions.join(',');
    return ok(options === '' ? { type: 'tmpfs', target } : { type: 'tmpfs', target, options }, `--mount ${text}: ${mapped}`);
  }
  return fail(`"${text}": mount type "${type}" is not supported by Berth yet`);
}

/** `--restart no|always|unless-stopped|on-failure[:N]`. */
export function parseRestart(text: string): Parsed<RestartPolicySpec> {
  const [name = '', count, ...extra] = text.split(':');
  if (extra.length > 0) return fail(`"${text}" is not a restart policy`);
  if (name !== 'no' && name !== 'always' && name !== 'unless-stopped' && name !== 'on-failure') {
    return fail(`"${text}" is not a restart policy (no, always, unless-stopped, on-failure[:N])`);
  }
  if (count === undefined) return ok({ name });
  if (name !== 'on-failure') return fail(`"${text}": a retry count is only allowed with on-failure`);
  if (!/^\d+$/.test(count)) return fail(`"${text}": the retry count must be a whole number`);
  return ok({ name, maxRetries: Number(count) });
}

/** `--add-host NAME:IP` or `NAME=IP` (the CLI turns the latter into the former). */
export function parseExtraHost(text: string): Parsed<string> {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':');
  const split = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
  if (split <= 0 || split === text.length - 1) return fail(`"${text}" must be NAME:IP`);
  return ok(`${text.slice(0, split)}:${text.slice(split + 1)}`);
}
