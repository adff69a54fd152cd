import { runSpecSchema, type FieldIssue, type RunSpec } from '../../../../runtime/api/index.js';
import { parseWholeNumber, resourceTextReaders } from '../../../../runtime/api/resource-text.js';
import { tableFlags } from '../../../../runtime/api/run-flag-table.js';
import { splitShellWords } from '../../../../runtime/api/shell-words.js';
import { buildEnv, buildLabels, buildMounts, buildPorts, type RowMaps } from './buildRows.js';
import { translateIssue } from './fieldPaths.js';
import { splitList, type ArgvDraft, type NetworkDraft, type ResourcesDraft, type RunDraft } from './runDraft.js';

/**
 * A draft as the RunSpec that would be sent. `candidate` is what `containers.validateRun`
 * checks; text that cannot become a value at all (`256x` for a size) is left out of it and
 * reported in `conversionIssues` instead, under the draft field that holds it.
 */
export interface BuiltSpec {
  candidate: Record<string, unknown>;
  /** RunSpec row index -> draft row index, for naming the field of an issue about a row. */
  rows: RowMaps;
  conversionIssues: FieldIssue[];
}

export type Note = (field: string, message: string) => void;

export function buildSpec(draft: RunDraft): BuiltSpec {
  const conversionIssues: FieldIssue[] = [];
  const note: Note = (field, message) => conversionIssues.push({ field, message });
  const env = buildEnv(draft.env);
  const ports = buildPorts(draft.ports, note);
  const mounts = buildMounts(draft.mounts);
  const labels = buildLabels(draft.labels, note);
  const candidate: Record<string, unknown> = {
    image: draft.image.trim(),
    name: optional(draft.name),
    command: argv(draft.command, 'command', note),
    entrypoint: draft.clearEntrypoint ? [] : argv(draft.entrypoint, 'entrypoint', note),
    workdir: optional(draft.workdir),
    env: env.values,
    ports: ports.values,
    publishAll: draft.publishAll,
    mounts: mounts.values,
    restart: restart(draft, note),
    resources: resources(draft.resources, note),
    network: network(draft.network, note),
    hostname: optional(draft.hostname),
    extraHosts: splitList(draft.extraHosts),
    dns: splitList(draft.dns),
    user: optional(draft.user),
    labels: labels.values,
    autoRemove: draft.autoRemove,
    interactive: draft.interactive,
    tty: draft.tty,
    readOnlyRootfs: draft.readOnlyRootfs,
    init: draft.init,
    privileged: draft.privileged,
    pidMode: optional(draft.pidMode),
    ipcMode: optional(draft.ipcMode),
    capAdd: splitList(draft.capAdd),
    capDrop: splitList(draft.capDrop),
  };
  advanced(draft.advanced, candidate, note);
  // Absent, not undefined: the candidate crosses the wire as JSON and must mean what it says.
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  const rows: RowMaps = { env: env.rows, ports: ports.rows, mounts: mounts.rows, labels: labels.rows };
  return { candidate, rows, conversionIssues };
}

export interface LocalCheck {
  /** Draft-space issues: conversions first, then the contract's own schema. */
  issues: FieldIssue[];
  /** The RunSpec to send, when there is nothing to fix. */
  spec: RunSpec | null;
}

/** The contract's schema, run here too, so problems show while typing even before any answer. */
export function checkLocally(built: BuiltSpec): LocalCheck {
  const parsed = runSpecSchema.safeParse(built.candidate);
  const converted = new Set(built.conversionIssues.map((issue) => issue.field));
  const schemaIssues = parsed.success
    ? []
    : parsed.error.issues
        .map((issue) => translateIssue({ field: issue.path.map(String).join('.'), message: issue.message }, built.rows))
        // A field whose text could not be converted already says why; the schema would only add noise.
        .filter((issue) => !converted.has(issue.field));
  const issues = [...built.conversionIssues, ...schemaIssues];
  return { issues, spec: parsed.success && issues.length === 0 ? parsed.data : null };
}

function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

function argv(draft: ArgvDraft, field: string, note: Note): string[] | undefined {
  if (draft.mode === 'list') return draft.args.length === 0 ? undefined : draft.args;
  if (draft.text.trim() === '') return undefined;
  const split = splitShellWords(draft.text);
  if (split.ok) return split.words;
  note(field, split.message);
  return undefined;
}

function restart(draft: RunDraft, note: Note): Record<string, unknown> | undefined {
  const { name, maxRetries } = draft.restart;
  // `no` is the engine's default; sending nothing says the same and keeps the spec minimal.
  if (name === 'no') return undefined;
  if (name !== 'on-failure' || maxRetries.trim() === '') return { name };
  const retries = parseWholeNumber(maxRetries);
  if (retries === null) note('restart.maxRetries', 'must be a whole number');
  return retries === null ? { name } : { name, maxRetries: retries };
}

/** What to say when a limit's text is not a value (read by runtime/api/resource-text, as the backend reads it). */
const resourceReasons: Record<Exclude<keyof ResourcesDraft, 'cpusetCpus'>, string> = {
  memoryBytes: 'must be a size like 512m or 1g',
  memoryReservationBytes: 'must be a size like 256m or 1g',
  memorySwapBytes: 'must be a size like 1g, or -1 for unlimited swap',
  cpus: 'must be a number like 1.5',
  cpuShares: 'must be a whole number',
  pidsLimit: 'must be a whole number (-1 for unlimited)',
};

function resources(draft: ResourcesDraft, note: Note): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, reason] of Object.entries(resourceReasons)) {
    const field = key as keyof typeof resourceReasons;
    if (draft[field].trim() === '') continue;
    const value = resourceTextReaders[field](draft[field]);
    if (value === null) note(`resources.${key}`, reason);
    else result[key] = value;
  }
  if (draft.cpusetCpus.trim() !== '') result.cpusetCpus = draft.cpusetCpus.trim();
  return result;
}

/**
 * The Advanced part: each flag's text read by the flag table, as a pasted command's would be,
 * into the candidate's groups (`limits`, `healthcheck`, ...). A line that is no value for its
 * flag is noted under the flag's field, with its line number when the flag repeats.
 */
function advanced(texts: Record<string, string>, candidate: Record<string, unknown>, note: Note): void {
  for (const flag of tableFlags) {
    const text = texts[flag.name] ?? '';
    if (text.trim() === '') continue;
    if (flag.kind === 'switch') {
      flag.apply(candidate, text === 'true' ? 'true' : 'false');
      continue;
    }
    const lines = flag.kind === 'list' ? text.split('\n') : [text];
    lines.forEach((line, index) => {
      const value = line.trim();
      if (value === '') return;
      const read = flag.apply(candidate, value);
      if (!read.ok) note(flag.field, flag.kind === 'list' && lines.length > 1 ? `line ${index + 1}: ${read.reason}` : read.reason);
    });
  }
}

function network(draft: NetworkDraft, note: Note): string | undefined {
  switch (draft.mode) {
    case 'default':
      return undefined;
    case 'container':
      if (draft.container.trim() === '') note('networkContainer', 'choose the container whose network to share');
      return draft.container.trim() === '' ? undefined : `container:${draft.container.trim()}`;
    case 'user':
      if (draft.name.trim() === '') note('networkName', 'is empty');
      return optional(draft.name);
    default:
      return draft.mode;
  }
}
