import { runSpecSchema, type EnvVar, type PortSpec, type RunSpec } from '../../../runtime/api/index.js';
import { formatPublishedPort, parsePublishedPortsInRange } from '../../../runtime/api/published-ports.js';
import { isSecretKey, maskedText } from './secrets.js';

/**
 * The few RunSpec fields "Recreate with changes" edits, as text: one item per line. Everything
 * else in the spec is carried over untouched.
 */
export interface RecreateForm {
  image: string;
  command: string;
  env: string;
  ports: string;
  labels: string;
}

export type RecreateField = keyof RecreateForm;
/** Errors per field; `other` for a problem in a part of the spec this editor does not show. */
export type RecreateErrors = Partial<Record<RecreateField | 'other', string>>;

export const recreateLabels: Record<RecreateField, string> = {
  image: 'Image',
  command: 'Command',
  env: 'Environment',
  ports: 'Ports',
  labels: 'Labels',
};

/** Secret-looking values are shown masked; a line left masked keeps the value it had. */
function envLine({ key, value }: EnvVar): string {
  if (value === undefined) return key;
  return `${key}=${value !== '' && isSecretKey(key) ? maskedText : value}`;
}

/** A port as `-p` takes it, its protocol always shown so that every line reads alike. */
export function formatPort(port: PortSpec): string {
  return formatPublishedPort(port, 'always');
}

export function formFromSpec(spec: RunSpec): RecreateForm {
  return {
    image: spec.image,
    command: (spec.command ?? []).join('\n'),
    env: spec.env.map(envLine).join('\n'),
    ports: spec.ports.map(formatPort).join('\n'),
    labels: Object.entries(spec.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  };
}

/** Non-empty lines with their 1-based line numbers, for messages like "Ports line 2: ...". */
function lines(text: string): [number, string][] {
  return text.split('\n').flatMap((line, index): [number, string][] => (line.trim() === '' ? [] : [[index + 1, line.trim()]]));
}

function splitPair(line: string): [string, string | undefined] {
  const at = line.indexOf('=');
  return at === -1 ? [line, undefined] : [line.slice(0, at), line.slice(at + 1)];
}

/**
 * The edited spec, or the errors that stop it, each naming the field (and line). Fields whose
 * text is unchanged keep the original values exactly, so nothing changes by accident.
 */
export function readRecreateForm(form: RecreateForm, original: RunSpec): { errors: RecreateErrors; spec: RunSpec | null } {
  const initial = formFromSpec(original);
  const errors: RecreateErrors = {};
  const spec: RunSpec = { ...original };
  if (form.image !== initial.image) spec.image = form.image.trim();
  if (spec.image === '') errors.image = 'Image is required.';
  if (form.command !== initial.command) {
    const args = form.command.replace(/\n+$/, '').split('\n');
    spec.command = form.command.trim() === '' ? undefined : args;
  }
  if (form.env !== initial.env) {
    const before = new Map(original.env.map((v) => [v.key, v.value]));
    spec.env = [];
    for (const [number, line] of lines(form.env)) {
      const [key, value] = splitPair(line);
      if (key === '') errors.env ??= `Environment line ${number}: the name before = is empty.`;
      // A value left masked means "keep the secret it had".
      spec.env.push({ key, value: value === maskedText && before.has(key) ? before.get(key) : value });
    }
  }
  if (form.ports !== initial.ports) {
    spec.ports = [];
    for (const [number, line] of lines(form.ports)) {
      // A line is what `docker run -p` takes, ranges too.
      const read = parsePublishedPortsInRange(line);
      if (!read.ok) errors.ports ??= `Ports line ${number}: ${read.reason}.`;
      else spec.ports.push(...read.ports);
    }
  }
  if (form.labels !== initial.labels) {
    spec.labels = {};
    for (const [number, line] of lines(form.labels)) {
      const [key, value = ''] = splitPair(line);
      if (key === '') errors.labels ??= `Labels line ${number}: the name before = is empty.`;
      spec.labels[key] = value;
    }
  }
  if (Object.keys(errors).length > 0) return { errors, spec: null };
  // The contract's own schema has the last word, so the backend never sees what it would refuse.
  const checked = runSpecSchema.safeParse(spec);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = recreateFieldOf(path);
      if (field === null) errors.other ??= `${path}: ${issue.message}`;
      else errors[field] ??= `${recreateLabels[field]}${issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : ''}: ${issue.message}`;
    }
    return { errors, spec: null };
  }
  return { errors, spec };
}

/** The editor field a dotted RunSpec path (from the schema or an engine error) belongs to. */
export function recreateFieldOf(path: unknown): RecreateField | null {
  if (typeof path !== 'string') return null;
  const head = path.replace(/^spec\./, '').split('.')[0] ?? '';
  return head in recreateLabels ? (head as RecreateField) : null;
}
