import type { MountSpec, RestartPolicySpec } from '../../api/index.js';

/**
 * Reads the values of the everyday structured `docker run` flags (`-v`, `--tmpfs`, `--restart`,
 * `--add-host`) the way the docker CLI reads them (`--mount` and the others: runtime/api/run-flag-values.ts). Each returns the RunSpec pieces
 * or a reason, which the command parser prefixes with the flag. (`-p` is read by
 * runtime/api/published-ports.ts, which the recreate editor shares.)
 */

export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

const ok = <T>(value: T, warning?: string): Parsed<T> => (warning === undefined ? { ok: true, value } : { ok: true, value, warning });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const readWriteOptions = new Set(['ro', 'rw']);
/** The `-v` options the engine takes besides `ro`: kept as written, in RunSpec `options`. */
const otherOptions = new Set(['rw', 'z', 'Z', 'shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate', 'nocopy', 'consistent', 'cached', 'delegated']);

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
  const options: string[] = [];
  for (const option of (third ?? '').split(',').filter(Boolean)) {
    if (option === 'ro') readOnly = true;
    else if (otherOptions.has(option)) options.push(option);
    else return fail(`"${text}": invalid mode: ${option} (ro, rw, z, Z, [r]shared, [r]slave, [r]private, nocopy, consistent, cached, delegated)`);
  }
  if (readOnly && options.includes('rw')) return fail(`"${text}": invalid mode: ro and rw together`);
  const isPath = first.startsWith('/') || first.startsWith('.') || first.startsWith('~');
  const warning = isPath && !first.startsWith('/') ? `-v ${text}: "${first}" is relative to a directory Berth cannot know; use an absolute path` : undefined;
  const mount: MountSpec = { type: isPath ? 'bind' : 'volume', source: first, target: second, readOnly };
  return ok(options.length > 0 ? { ...mount, options: options.join(',') } : mount, warning);
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
