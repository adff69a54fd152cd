import { runSpecSchema, type EnvVar, type PortSpec, type RunSpec } from '../../../runtime/api/index.js';
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

export function formatPort(port: PortSpec): string {
  const inside = `${port.containerPort}/${port.protocol}`;
  if (port.hostIp !== undefined && port.hostIp !== '') {
    const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
    return `${ip}:${port.hostPort ?? ''}:${inside}`;
  }
  return port.hostPort === undefined ? inside : `${port.hostPort}:${inside}`;
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

const portNumber = (text: string) => (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535 ? Number(text) : null);

/** `[HOSTIP:][HOSTPORT:]CONTAINERPORT[/PROTO]` as `docker run -p` takes it; an error sentence otherwise. */
export function parsePort(line: string): PortSpec | string {
  const [address = '', protocol = 'tcp'] = line.split('/');
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return 'protocol must be tcp, udp or sctp';
  const ipv6 = /^\[([^\]]+)\]:(\d*):(\d+)$/.exec(address);
  const parts = ipv6 ? [ipv6[1] ?? '', ipv6[2] ?? '', ipv6[3] ?? ''] : address.split(':');
  if (parts.length > 3) return 'must look like 8080:80, 127.0.0.1:8080:80 or 80';
  const [hostIp, hostPortText, containerPortText] = parts.length === 3 ? parts : parts.length === 2 ? [undefined, ...parts] : [undefined, undefined, ...parts];
  const containerPort = portNumber(containerPortText ?? '');
  if (containerPort === null) return 'container port must be 1-65535';
  const hostPort = hostPortText === undefined || hostPortText === '' ? undefined : portNumber(hostPortText);
  if (hostPort === null) return 'host port must be 1-65535';
  return { containerPort, protocol, ...(hostIp ? { hostIp } : {}), ...(hostPort !== undefined ? { hostPort } : {}) };
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
      const port = parsePort(line);
      if (typeof port === 'string') errors.ports ??= `Ports line ${number}: ${port}.`;
      else spec.ports.push(port);
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
