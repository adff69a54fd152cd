import type { RunSpec, RunSpecInput } from '../../../../runtime/api/index.js';
import { printedValues, tableFlags } from '../../../../runtime/api/run-flag-table.js';
import { joinShellWords } from '../../../../runtime/api/shell-words.js';
import { emptyDraft, type ArgvDraft, type MountRow, type NetworkDraft, type RunDraft } from './runDraft.js';

/**
 * A RunSpec (from "Paste a docker run command") as a draft the form can show. `nextRowId`
 * hands out row ids so that the reducer stays pure.
 */
export function specToDraft(spec: RunSpecInput, nextRowId: () => number): RunDraft {
  const empty = emptyDraft();
  const resources = spec.resources ?? {};
  return {
    ...empty,
    image: spec.image,
    name: spec.name?.replace(/^\//, '') ?? '',
    command: argvDraft(spec.command),
    entrypoint: argvDraft(spec.entrypoint?.length === 0 ? undefined : spec.entrypoint),
    clearEntrypoint: spec.entrypoint?.length === 0,
    workdir: spec.workdir ?? '',
    env: (spec.env ?? []).map((v) => ({ rowId: nextRowId(), key: v.key, value: v.value })),
    ports: (spec.ports ?? []).map((p) => ({
      rowId: nextRowId(),
      hostIp: p.hostIp ?? '',
      hostPort: p.hostPortEnd === undefined ? text(p.hostPort) : `${text(p.hostPort)}-${p.hostPortEnd}`,
      containerPort: String(p.containerPort),
      protocol: p.protocol ?? 'tcp',
    })),
    publishAll: spec.publishAll ?? false,
    mounts: (spec.mounts ?? []).map((m) => mountRow(m, nextRowId())),
    restart: { name: spec.restart?.name ?? 'no', maxRetries: text(spec.restart?.maxRetries) },
    resources: {
      memoryBytes: text(resources.memoryBytes),
      memoryReservationBytes: text(resources.memoryReservationBytes),
      memorySwapBytes: text(resources.memorySwapBytes),
      cpus: text(resources.cpus),
      cpuShares: text(resources.cpuShares),
      cpusetCpus: resources.cpusetCpus ?? '',
      pidsLimit: text(resources.pidsLimit),
    },
    network: networkDraft(spec.network),
    hostname: spec.hostname ?? '',
    extraHosts: (spec.extraHosts ?? []).join(' '),
    dns: (spec.dns ?? []).join(' '),
    user: spec.user ?? '',
    privileged: spec.privileged ?? false,
    readOnlyRootfs: spec.readOnlyRootfs ?? false,
    pidMode: spec.pidMode ?? '',
    ipcMode: spec.ipcMode ?? '',
    capAdd: (spec.capAdd ?? []).join(', '),
    capDrop: (spec.capDrop ?? []).join(', '),
    autoRemove: spec.autoRemove ?? false,
    interactive: spec.interactive ?? false,
    tty: spec.tty ?? false,
    init: spec.init ?? false,
    labels: Object.entries(spec.labels ?? {}).map(([key, value]) => ({ rowId: nextRowId(), key, value })),
    advanced: advancedDraft(spec),
  };
}

/** The flag table's values as the Advanced part shows them: each flag's occurrences, one per line. */
function advancedDraft(spec: RunSpecInput): Record<string, string> {
  const advanced: Record<string, string> = {};
  for (const flag of tableFlags) {
    // The table prints a spec as written too: every field it reads may be absent.
    const values = printedValues(flag, spec as RunSpec);
    if (values.length > 0) advanced[flag.name] = flag.kind === 'switch' ? 'true' : values.join('\n');
  }
  return advanced;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function argvDraft(words: string[] | undefined): ArgvDraft {
  return { mode: 'text', text: words ? joinShellWords(words) : '', args: words ?? [] };
}

type MountInput = NonNullable<RunSpecInput['mounts']>[number];

function mountRow(mount: MountInput, rowId: number): MountRow {
  const row: MountRow = { rowId, type: mount.type, source: '', target: mount.target, readOnly: false, options: '' };
  if (mount.type === 'bind' || mount.type === 'volume') return { ...row, source: mount.source, readOnly: mount.readOnly ?? false, options: mount.options ?? '' };
  if (mount.type === 'tmpfs') return { ...row, options: mount.options ?? '' };
  return row;
}

function networkDraft(network: string | undefined): NetworkDraft {
  const none: NetworkDraft = { mode: 'default', container: '', name: '' };
  if (network === undefined || network === '' || network === 'default') return none;
  if (network === 'bridge' || network === 'host' || network === 'none') return { ...none, mode: network };
  if (network.startsWith('container:')) return { ...none, mode: 'container', container: network.slice('container:'.length) };
  return { ...none, mode: 'user', name: network };
}
