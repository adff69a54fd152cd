import type { ResourcesText } from '../../../../runtime/api/resource-text.js';

/**
 * The Run form's draft: a RunSpec as the user is typing it. Numbers and sizes stay text until
 * they are sent (so `256m` and a half-typed `80` are representable), lists of words are typed
 * as one line, and repeating rows carry a stable `rowId` so React keeps focus on the right row
 * when another row is removed. `buildSpec` turns a draft into the RunSpec that is sent.
 */

export type Protocol = 'tcp' | 'udp' | 'sctp';
export type MountType = 'bind' | 'volume' | 'anonymous' | 'tmpfs';
export type RestartName = 'no' | 'always' | 'unless-stopped' | 'on-failure';
/** `default` sends no `--network` at all: the engine's own default (bridge, or Podman's). */
export type NetworkMode = 'default' | 'bridge' | 'host' | 'none' | 'container' | 'user';

/** A command or entrypoint: typed as one shell-quoted line, or edited argument by argument. */
export interface ArgvDraft {
  mode: 'text' | 'list';
  text: string;
  args: string[];
}

export interface EnvRow {
  rowId: number;
  key: string;
  /** Undefined for `-e KEY` (from a pasted command): the value is passed through, not set. */
  value: string | undefined;
}

export interface PortRow {
  rowId: number;
  hostIp: string;
  /** Empty: a random free host port. */
  hostPort: string;
  containerPort: string;
  protocol: Protocol;
}

export interface MountRow {
  rowId: number;
  type: MountType;
  /** Host path (bind) or volume name (volume); unused by anonymous and tmpfs mounts. */
  source: string;
  target: string;
  readOnly: boolean;
  /** tmpfs only, e.g. `size=64m,mode=1777`. */
  options: string;
}

export interface LabelRow {
  rowId: number;
  key: string;
  value: string;
}

/** Keys match `ResourcesSpec` so that an issue at `resources.cpus` names this field as is. */
export type ResourcesDraft = ResourcesText;

export interface RestartDraft {
  name: RestartName;
  maxRetries: string;
}

export interface NetworkDraft {
  mode: NetworkMode;
  /** For `container:NAME`. */
  container: string;
  /** For a user-defined network. */
  name: string;
}

export interface RunDraft {
  image: string;
  name: string;
  command: ArgvDraft;
  entrypoint: ArgvDraft;
  /** `--entrypoint ""`: run the command without the image's entrypoint. */
  clearEntrypoint: boolean;
  workdir: string;
  env: EnvRow[];
  ports: PortRow[];
  publishAll: boolean;
  mounts: MountRow[];
  restart: RestartDraft;
  resources: ResourcesDraft;
  network: NetworkDraft;
  hostname: string;
  /** `NAME:IP` words, separated by spaces or commas. */
  extraHosts: string;
  /** DNS server addresses, separated by spaces or commas. */
  dns: string;
  user: string;
  privileged: boolean;
  readOnlyRootfs: boolean;
  /** `''` (private) or `host`, or what a pasted command said. */
  pidMode: string;
  ipcMode: string;
  /** Capability names, separated by spaces or commas. */
  capAdd: string;
  capDrop: string;
  autoRemove: boolean;
  interactive: boolean;
  tty: boolean;
  init: boolean;
  labels: LabelRow[];
  /**
   * The flags of the flag table (runtime/api/run-flag-table.ts), by long name, as typed: one
   * occurrence per line for a flag that repeats (`nofile=1024:2048`), `true` for a switch that is on.
   */
  advanced: Record<string, string>;
}

export const emptyArgv: ArgvDraft = { mode: 'text', text: '', args: [] };

export function emptyDraft(image = ''): RunDraft {
  return {
    image,
    name: '',
    command: emptyArgv,
    entrypoint: emptyArgv,
    clearEntrypoint: false,
    workdir: '',
    env: [],
    ports: [],
    publishAll: false,
    mounts: [],
    restart: { name: 'no', maxRetries: '' },
    resources: { memoryBytes: '', memoryReservationBytes: '', memorySwapBytes: '', cpus: '', cpuShares: '', cpusetCpus: '', pidsLimit: '' },
    network: { mode: 'default', container: '', name: '' },
    hostname: '',
    extraHosts: '',
    dns: '',
    user: '',
    privileged: false,
    readOnlyRootfs: false,
    pidMode: '',
    ipcMode: '',
    capAdd: '',
    capDrop: '',
    autoRemove: false,
    interactive: false,
    tty: false,
    init: false,
    labels: [],
    advanced: {},
  };
}

/** The repeating rows, by the name their RunSpec field has. */
export interface RowLists {
  env: EnvRow;
  ports: PortRow;
  mounts: MountRow;
  labels: LabelRow;
}
export type RowList = keyof RowLists;

export function blankRow<L extends RowList>(list: L, rowId: number): RowLists[L];
export function blankRow(list: RowList, rowId: number): RowLists[RowList] {
  switch (list) {
    case 'env':
      return { rowId, key: '', value: '' };
    case 'ports':
      return { rowId, hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' };
    case 'mounts':
      return { rowId, type: 'bind', source: '', target: '', readOnly: false, options: '' };
    case 'labels':
      return { rowId, key: '', value: '' };
  }
}

/** Words typed into one field (`NET_ADMIN, SYS_TIME`), as a list. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => word !== '');
}
