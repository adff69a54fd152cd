import { fieldDescription, runSpecSchema, type FieldIssue } from '../../../../runtime/api/index.js';
import { tableFlags, tableFlagOfField } from '../../../../runtime/api/run-flag-table.js';
import type { RowMaps } from './buildRows.js';
import type { RunDraft } from './runDraft.js';

/**
 * Names of the form's fields. A field is named by a dotted path in the draft (`image`,
 * `ports.0.hostPort`, `resources.memoryBytes`), which is the RunSpec path wherever the two
 * agree. Issues and warnings from the backend name RunSpec paths; `translateIssue` finds the
 * draft field that shows them, and `fieldLabel` the words that name it to the user.
 */

const fixedLabels: Record<string, string> = {
  image: 'Image',
  name: 'Name',
  command: 'Command',
  entrypoint: 'Entrypoint',
  clearEntrypoint: 'No entrypoint',
  workdir: 'Working directory',
  publishAll: 'Publish all exposed ports',
  'restart.name': 'Restart policy',
  'restart.maxRetries': 'Maximum retries',
  'resources.memoryBytes': 'Memory',
  'resources.memoryReservationBytes': 'Memory reservation',
  'resources.memorySwapBytes': 'Memory + swap',
  'resources.cpus': 'CPUs',
  'resources.cpuShares': 'CPU shares',
  'resources.cpusetCpus': 'CPU set',
  'resources.pidsLimit': 'PIDs limit',
  network: 'Network',
  networkContainer: 'Network container',
  networkName: 'User network',
  hostname: 'Hostname',
  extraHosts: 'Extra hosts',
  dns: 'DNS servers',
  user: 'User',
  privileged: 'Privileged',
  readOnlyRootfs: 'Read-only root filesystem',
  pidMode: 'PID mode',
  ipcMode: 'IPC mode',
  capAdd: 'Capabilities to add',
  capDrop: 'Capabilities to drop',
  autoRemove: 'Auto-remove',
  interactive: 'Interactive',
  tty: 'TTY',
  init: 'Init',
};

/** Labels of row fields, by `list.field`; shown with the row's number (`Host port 1`). */
const rowLabels: Record<string, string> = {
  'env.key': 'Environment key',
  'env.value': 'Environment value',
  'ports.hostIp': 'Host IP',
  'ports.hostPort': 'Host port',
  'ports.containerPort': 'Container port',
  'ports.protocol': 'Protocol',
  'mounts.type': 'Mount type',
  'mounts.source': 'Mount source',
  'mounts.target': 'Mount target',
  'mounts.readOnly': 'Read-only',
  'mounts.options': 'Mount options',
  'labels.key': 'Label key',
  'labels.value': 'Label value',
};

export interface LabelParts {
  text: string;
  /** 1-based row number, for row fields. */
  number?: number;
}

/** The Advanced part's fields are the flag table's RunSpec paths, named by the flag's label and the flag itself. */
// A row said only inside --network's long form is named by where it goes there.
const advancedLabels = new Map(tableFlags.map((flag) => [flag.field, `${flag.label} (${flag.withinNetwork ? `--network name=NET,${flag.name}=` : `--${flag.name}`})`]));

export function fieldLabelParts(field: string): LabelParts {
  const fixed = fixedLabels[field] ?? advancedLabels.get(field);
  if (fixed !== undefined) return { text: fixed };
  const [list = '', index = '', key = ''] = field.split('.');
  const row = rowLabels[`${list}.${key}`];
  return row === undefined ? { text: field } : { text: row, number: Number(index) + 1 };
}

export function fieldLabel(field: string): string {
  const { text, number } = fieldLabelParts(field);
  return number === undefined ? text : `${text} ${number}`;
}

/** A DOM id for a field, unique within the form. */
export function fieldDomId(field: string): string {
  return `run-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The field a row issue shows at when it names the whole row. */
const rowPrimary = { env: 'key', ports: 'containerPort', mounts: 'target' } as const;
/** RunSpec lists typed as one line; an issue names an entry by its number. */
const wordLists: Record<string, string> = { extraHosts: 'entry', dns: 'entry', capAdd: 'entry', capDrop: 'entry', command: 'argument', entrypoint: 'argument' };

/** A RunSpec-path issue (from the schema, validateRun or the engine) as a draft-field issue. */
export function translateIssue(issue: FieldIssue, rows: RowMaps): FieldIssue {
  // Errors from `containers.create` name params, so their paths start with `spec.`.
  const path = issue.field.replace(/^spec\./, '');
  const [head = '', ...rest] = path.split('.');
  const { message } = issue;
  if (head === 'env' || head === 'ports' || head === 'mounts') {
    const row = rows[head][Number(rest[0])];
    if (row === undefined) return { field: head, message };
    // The end of a host port range is typed in the host port's field (`8000-8010`).
    const key = head === 'ports' && rest[1] === 'hostPortEnd' ? 'hostPort' : (rest[1] ?? rowPrimary[head]);
    return { field: `${head}.${row}.${key}`, message };
  }
  if (head === 'labels') {
    const row = rows.labels.get(rest.join('.'));
    return row === undefined ? { field: 'labels', message } : { field: `labels.${row}.key`, message };
  }
  const noun = wordLists[head];
  if (noun !== undefined && rest.length > 0) return { field: head, message: `${noun} ${Number(rest[0]) + 1} ${message}` };
  if (head === 'restart') return { field: rest[0] === 'maxRetries' ? 'restart.maxRetries' : 'restart.name', message };
  const flag = tableFlagOfField(path);
  if (flag !== undefined) {
    // `limits.ulimits.1.soft` -> the --ulimit field, "line 2 soft: ..."; a map's key stays in the message.
    const below = path.slice(flag.field.length + 1).split('.').filter(Boolean);
    const [index, ...part] = below;
    const where = flag.kind === 'list' && index !== undefined && /^\d+$/.test(index) ? `line ${Number(index) + 1}${part.length > 0 ? ` (${part.join('.')})` : ''}: ` : '';
    return { field: flag.field, message: `${where}${message}` };
  }
  if (head === 'resources' && rest[0] !== undefined) return { field: `resources.${rest[0]}`, message };
  return { field: path, message };
}

/** Every field the form shows for this draft; a problem elsewhere is listed above the Run buttons. */
export function visibleFields(draft: RunDraft): Set<string> {
  const fields = new Set([...Object.keys(fixedLabels), ...advancedLabels.keys()]);
  if (draft.restart.name !== 'on-failure') fields.delete('restart.maxRetries');
  if (draft.network.mode !== 'container') fields.delete('networkContainer');
  if (draft.network.mode !== 'user') fields.delete('networkName');
  const add = (list: string, index: number, ...keys: string[]) => keys.forEach((key) => fields.add(`${list}.${index}.${key}`));
  draft.env.forEach((_, i) => add('env', i, 'key', 'value'));
  draft.ports.forEach((_, i) => add('ports', i, 'hostIp', 'hostPort', 'containerPort', 'protocol'));
  draft.labels.forEach((_, i) => add('labels', i, 'key', 'value'));
  draft.mounts.forEach((mount, i) => {
    add('mounts', i, 'type', 'target');
    if (mount.type === 'bind' || mount.type === 'volume') add('mounts', i, 'source', 'readOnly', 'options');
    if (mount.type === 'tmpfs') add('mounts', i, 'options');
  });
  return fields;
}

/**
 * What a field means, in the contract's own words (the RunSpec schema's descriptions, which
 * `berth api --help containers.create` prints too); null for form-only fields.
 */
export function fieldMeaning(field: string): string | null {
  return fieldDescription(runSpecSchema, field.split('.'));
}
