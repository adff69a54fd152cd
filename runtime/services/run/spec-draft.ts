import { BerthError, parseByteSize, type EnvVar, type MountSpec, type PortSpec, type ResourcesSpec, type RunSpecInput } from '../../api/index.js';
import { parsePublishedPorts } from '../../api/published-ports.js';
import { parseCpus, parseMemorySwap, parseWholeNumber } from '../../api/resource-text.js';
import { describeFlag, flagByLongName, type DockerRunFlag } from './docker-run-flags.js';
import { parseExtraHost, parseMount, parseRestart, parseTmpfs, parseVolume, type Parsed } from './flag-values.js';

/**
 * The RunSpec a pasted command builds, one flag at a time (see parse-run-command.ts): what each
 * docker run flag means in RunSpec terms, which flags are read and ignored, and the refusal of
 * every docker flag RunSpec cannot hold.
 */

export function commandError(message: string): BerthError {
  return new BerthError('invalid_argument', message, { field: 'command' });
}

/** Flags read and deliberately ignored: Berth always runs detached and talks to its own engine. */
const ignoredFlags = new Set(['detach', 'attach', 'sig-proxy', 'detach-keys', 'quiet', 'disable-content-trust']);
/** Client-side flags that Berth has no equivalent for, explained in a warning. */
const clientOnlyFlags: Record<string, string> = {
  cidfile: '--cidfile is ignored: Berth shows the new container\'s id instead of writing it to a file',
  pull: '--pull is ignored: Berth pulls the image only when it is missing',
};

type BooleanField = 'autoRemove' | 'interactive' | 'tty' | 'readOnlyRootfs' | 'init' | 'privileged' | 'publishAll';
const booleanTargets = new Map<string, BooleanField>([
  ['rm', 'autoRemove'],
  ['interactive', 'interactive'],
  ['tty', 'tty'],
  ['read-only', 'readOnlyRootfs'],
  ['init', 'init'],
  ['privileged', 'privileged'],
  ['publish-all', 'publishAll'],
]);

export interface PendingFlag {
  flag: DockerRunFlag;
  /** How the user spelled it, for messages: `-p`, `--publish`. */
  spelled: string;
  value: string | undefined;
}

/** The RunSpec being filled flag by flag; only what the command says ends up in it. */
export class SpecDraft {
  private readonly spec: Omit<RunSpecInput, 'image'> = {};
  private readonly env: EnvVar[] = [];
  private readonly ports: PortSpec[] = [];
  private readonly mounts: MountSpec[] = [];
  private readonly labels: Record<string, string> = {};
  private readonly resources: ResourcesSpec = {};
  private readonly lists = { extraHosts: [] as string[], dns: [] as string[], capAdd: [] as string[], capDrop: [] as string[] };

  constructor(private readonly warnings: string[]) {}

  apply({ flag, spelled, value }: PendingFlag): void {
    const name = flag.name;
    if (ignoredFlags.has(name)) return;
    const note = clientOnlyFlags[name];
    if (note !== undefined) {
      this.warnings.push(note);
      return;
    }
    if (!flag.takesValue) {
      this.applyBoolean(name, spelled, value);
      return;
    }
    this.applyValue(name, spelled, value ?? '');
  }

  private applyBoolean(name: string, spelled: string, value: string | undefined): void {
    let on = true;
    if (value !== undefined) {
      if (value !== 'true' && value !== 'false') throw commandError(`${spelled}=${value}: expected true or false.`);
      on = value === 'true';
    }
    const target = booleanTargets.get(name);
    if (target === undefined) throw unsupported(name, spelled);
    this.spec[target] = on;
  }

  private applyValue(name: string, spelled: string, value: string): void {
    const take = <T>(parsed: Parsed<T>): T => {
      if (!parsed.ok) throw commandError(`${spelled}: ${parsed.reason}`);
      if (parsed.warning !== undefined) this.warnings.push(parsed.warning);
      return parsed.value;
    };
    switch (name) {
      case 'name':
        this.spec.name = value.replace(/^\//, '');
        return;
      case 'hostname':
        this.spec.hostname = value;
        return;
      case 'user':
        this.spec.user = value;
        return;
      case 'workdir':
        this.spec.workdir = value;
        return;
      case 'entrypoint':
        // `--entrypoint ""` clears the image's entrypoint; a non-empty value is ONE word, never split.
        this.spec.entrypoint = value === '' ? [] : [value];
        return;
      case 'env':
        this.env.push(this.readEnv(spelled, value));
        return;
      case 'label': {
        const eq = value.indexOf('=');
        const key = eq < 0 ? value : value.slice(0, eq);
        if (key === '') throw commandError(`${spelled} ${value}: the label has no name.`);
        this.labels[key] = eq < 0 ? '' : value.slice(eq + 1);
        return;
      }
      case 'publish': {
        const published = parsePublishedPorts(value);
        this.ports.push(...take(published.ok ? { ok: true, value: published.ports } : { ok: false, reason: `"${value}": ${published.reason}` }));
        return;
      }
      case 'volume':
        this.mounts.push(take(parseVolume(value)));
        return;
      case 'mount':
        this.mounts.push(take(parseMount(value)));
        return;
      case 'tmpfs':
        this.mounts.push(take(parseTmpfs(value)));
        return;
      case 'restart':
        this.spec.restart = take(parseRestart(value));
        return;
      case 'add-host':
        this.lists.extraHosts.push(take(parseExtraHost(value)));
        return;
      case 'dns':
        this.lists.dns.push(value);
        return;
      case 'cap-add':
        this.lists.capAdd.push(value);
        return;
      case 'cap-drop':
        this.lists.capDrop.push(value);
        return;
      case 'network':
      case 'net':
        if (this.spec.network !== undefined) throw commandError(`${spelled}: connecting to more than one network is not supported by Berth yet.`);
        if (value.includes('=')) throw commandError(`${spelled} ${value}: per-network options are not supported by Berth yet.`);
        this.spec.network = value;
        return;
      case 'pid':
        this.spec.pidMode = value;
        return;
      case 'ipc':
        this.spec.ipcMode = value;
        return;
      default:
        this.applyResource(name, spelled, value);
    }
  }

  private applyResource(name: string, spelled: string, value: string): void {
    const bytes = (parse: (text: string) => number | null = parseByteSize): number => {
      const parsed = parse(value);
      if (parsed === null) throw commandError(`${spelled} ${value}: not a size (e.g. 512m, 2g).`);
      return parsed;
    };
    const integer = (): number => {
      const parsed = parseWholeNumber(value);
      if (parsed === null) throw commandError(`${spelled} ${value}: expected a whole number.`);
      return parsed;
    };
    switch (name) {
      case 'memory':
        this.resources.memoryBytes = bytes();
        return;
      case 'memory-reservation':
        this.resources.memoryReservationBytes = bytes();
        return;
      case 'memory-swap':
        this.resources.memorySwapBytes = bytes(parseMemorySwap);
        return;
      case 'cpus': {
        const parsed = parseCpus(value);
        if ('error' in parsed) throw commandError(`${spelled}: ${parsed.error}.`);
        this.resources.cpus = parsed.nanoCpus / 1e9;
        return;
      }
      case 'cpu-shares':
        this.resources.cpuShares = integer();
        return;
      case 'cpuset-cpus':
        this.resources.cpusetCpus = value;
        return;
      case 'pids-limit':
        this.resources.pidsLimit = integer();
        return;
      case 'env-file':
      case 'label-file':
        throw commandError(
          `${spelled} ${value}: a file on the machine where the command was written cannot be read from a pasted command. ` +
            `Add its lines with ${name === 'env-file' ? '-e KEY=VALUE' : '--label KEY=VALUE'} instead.`,
        );
      default:
        throw unsupported(name, spelled);
    }
  }

  private readEnv(spelled: string, value: string): EnvVar {
    const eq = value.indexOf('=');
    if (eq === 0) throw commandError(`${spelled} ${value}: the variable has no name.`);
    if (eq > 0) return { key: value.slice(0, eq), value: value.slice(eq + 1) };
    if (value === '') throw commandError(`${spelled}: the variable has no name.`);
    this.warnings.push(`${spelled} ${value} takes its value from the shell that runs the command; Berth has none, so give ${value} a value.`);
    return { key: value };
  }

  finish(image: string, command: string[]): RunSpecInput {
    const spec: RunSpecInput = { image, ...this.spec };
    if (command.length > 0) spec.command = command;
    if (this.env.length > 0) spec.env = this.env;
    if (this.ports.length > 0) spec.ports = this.ports;
    if (this.mounts.length > 0) spec.mounts = this.mounts;
    if (Object.keys(this.labels).length > 0) spec.labels = this.labels;
    if (Object.keys(this.resources).length > 0) spec.resources = this.resources;
    for (const [key, list] of Object.entries(this.lists)) {
      if (list.length > 0) spec[key as keyof typeof this.lists] = list;
    }
    return spec;
  }
}

function unsupported(name: string, spelled: string): BerthError {
  const flag = flagByLongName(name);
  const shown = flag && spelled.startsWith('--') ? spelled : flag ? describeFlag(flag) : spelled;
  return commandError(`${shown} is not supported by Berth yet.`);
}
