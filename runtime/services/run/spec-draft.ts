import { BerthError, parseByteSize, type EnvVar, type MountSpec, type PortSpec, type ResourcesSpec, type RunSpecInput } from '../../api/index.js';
import { parsePublishedPorts } from '../../api/published-ports.js';
import { parseCpus, parseMemorySwap, parseWholeNumber } from '../../api/resource-text.js';
import { apiBefore, describeApi, tableFlag, type SpecObject } from '../../api/run-flag-table.js';
import { readCsvRecord } from '../../api/csv-fields.js';
import { isSeccompFile, seccompValue } from '../../api/run-flag-values.js';
import { describeFlag, flagByLongName, type DockerRunFlag } from './docker-run-flags.js';
import { parseExtraHost, parseRestart, parseTmpfs, parseVolume, type Parsed } from './flag-values.js';
import { readEnvFile, readLabelFile, readSeccompProfile, type LocalFiles } from './local-files.js';

/**
 * The RunSpec a pasted command builds, one flag at a time (see parse-run-command.ts): what each
 * docker run flag means in RunSpec terms (the everyday ones here, the rest through the flag
 * table of runtime/api/run-flag-table.ts), the flags read and ignored, and the refusal of a
 * flag the engine is too old for.
 */

export function commandError(message: string): BerthError {
  return new BerthError('invalid_argument', message, { field: 'command' });
}

/** What a pasted command is read against: the engine it will run on, and the files of the machine Berth runs on. */
export interface ParseContext {
  /** The engine's API version and OS (`/version`); unknown: nothing is refused for it. */
  engine?: { apiVersion: string; os: string };
  /** Reads `--env-file`, `--label-file` and seccomp profiles; absent: such flags are refused. */
  files?: LocalFiles;
}

/** Read and ignored without a word: Berth always runs detached. */
const silentFlags = new Set(['detach']);
/** Flags that only mean something to a terminal running the docker CLI: read, ignored, and said so in one line each. */
const ignoredFlags: Record<string, string> = {
  attach: '-a/--attach is ignored: Berth runs containers detached; open its logs or terminal to see its output',
  'sig-proxy': '--sig-proxy is ignored: no terminal is attached to forward signals from',
  'detach-keys': '--detach-keys is ignored: Berth never attaches a terminal to detach from',
  cidfile: "--cidfile is ignored: Berth shows the new container's id instead of writing it to a file",
  quiet: '-q/--quiet is ignored: Berth shows the pull\'s progress in its own window',
  'disable-content-trust': '--disable-content-trust is ignored: Berth does not verify signatures (Docker Content Trust)',
};
/** Flags refused whatever the engine, each with its reason. */
const refusedFlags: Record<string, string> = {
  'use-api-socket':
    "--use-api-socket is not supported: it would copy your registry credentials into the container, and Berth never hands a registry secret to a container. Mount the engine's socket with -v if you mean to.",
  help: '--help prints docker\'s usage and runs nothing; remove it.',
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
  /** What the flag table's flags set, in RunSpec shape (`limits`, `healthcheck`, ...). */
  private readonly more: SpecObject = {};
  /** `--env-file` / `--label-file` contents: the CLI puts them before every `-e` / `--label`, whatever the order. */
  private readonly fileEnv: EnvVar[] = [];
  private readonly fileLabels: Record<string, string> = {};
  private readonly noted = new Set<string>();
  /** Table flags given so far, and the ones a `--network name=...` long form said (they must not meet). */
  private readonly givenFlags = new Set<string>();
  private readonly perNetworkFlags = new Set<string>();

  constructor(
    private readonly warnings: string[],
    private readonly context: ParseContext = {},
  ) {}

  apply({ flag, spelled, value }: PendingFlag): void {
    const name = flag.name;
    if (silentFlags.has(name)) return;
    const note = ignoredFlags[name];
    if (note !== undefined) {
      if (!this.noted.has(name)) this.warnings.push(note);
      this.noted.add(name);
      return;
    }
    const refused = refusedFlags[name];
    if (refused !== undefined) throw commandError(refused);
    const row = tableFlag(name);
    if (row !== undefined) {
      this.applyTableFlag(row, spelled, value);
      return;
    }
    if (!flag.takesValue) {
      this.applyBoolean(name, spelled, value);
      return;
    }
    this.applyValue(name, spelled, value ?? '');
  }

  private applyTableFlag(row: NonNullable<ReturnType<typeof tableFlag>>, spelled: string, value: string | undefined): void {
    const engine = this.context.engine;
    if (engine !== undefined && row.minApi !== undefined && apiBefore(engine.apiVersion, row.minApi)) {
      throw commandError(`${spelled} needs ${describeApi(row.minApi)}; this engine speaks API ${engine.apiVersion}.`);
    }
    if (engine !== undefined && row.windowsOnly && engine.os !== 'windows') {
      throw commandError(`${spelled} is only supported on an engine running Windows containers; this engine runs ${engine.os}.`);
    }
    if (this.perNetworkFlags.has(row.name)) throw commandError(`${spelled}: conflicting options: cannot specify both --${row.name} and its per-network form in --network.`);
    this.givenFlags.add(row.name);
    let text = value ?? 'true';
    if (row.kind === 'switch' && value !== undefined && value !== 'true' && value !== 'false') throw commandError(`${spelled}=${value}: expected true or false.`);
    if (row.name === 'security-opt') text = this.inlineSeccomp(spelled, text);
    const read = row.apply(this.more, text);
    if (!read.ok) throw commandError(`${spelled}${value === undefined ? '' : ` ${value}`}: ${read.reason}`);
    if (read.warning !== undefined) this.warnings.push(`${spelled} ${text}: ${read.warning}`);
  }

  /** `--security-opt seccomp=/path/profile.json`: the CLI sends the profile's JSON, read from its machine; Berth reads it from its own. */
  private inlineSeccomp(spelled: string, text: string): string {
    const profile = seccompValue(text);
    if (profile === null || !isSeccompFile(profile)) return text;
    return `seccomp=${readSeccompProfile(this.filesFor(spelled, profile), profile, spelled)}`;
  }

  private filesFor(spelled: string, path: string): LocalFiles {
    if (this.context.files === undefined) throw commandError(`${spelled} ${path}: files cannot be read here.`);
    return this.context.files;
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
        if (this.spec.network !== undefined) throw this.secondNetwork(spelled);
        this.spec.network = /\w+=\w+/.test(value) ? this.readNetworkOptions(spelled, value) : value;
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
        this.fileEnv.push(...readEnvFile(this.filesFor(spelled, value), value, spelled, this.warnings));
        return;
      case 'label-file':
        Object.assign(this.fileLabels, readLabelFile(this.filesFor(spelled, value), value, spelled, this.warnings));
        return;
      default:
        throw unsupported(name, spelled);
    }
  }

  /** A second `--network`: engines take several at create only from API 1.44, and Berth creates with one. */
  private secondNetwork(spelled: string): BerthError {
    const api = this.context.engine?.apiVersion;
    const after = 'connect the others once it is created (its page, or berth api networks.connect)';
    if (api !== undefined && apiBefore(api, '1.44')) {
      return commandError(`${spelled} given twice: connecting a new container to several networks needs ${describeApi('1.44')}; this engine speaks API ${api}: create it on one and ${after}.`);
    }
    return commandError(`${spelled} given twice: Berth creates a container on one network; ${after}.`);
  }

  /**
   * `--network name=NET,alias=A,ip=...`: the long form, read as the CLI reads it (fields
   * lower-cased, values too), into the same RunSpec fields as `--network-alias`, `--ip`, ...;
   * giving one both ways is refused as the CLI refuses it.
   */
  private readNetworkOptions(spelled: string, value: string): string {
    const record = readCsvRecord(value);
    if (!record.ok) throw commandError(`${spelled} ${value}: ${record.reason}`);
    let name = '';
    const perNetwork: Record<string, string[]> = {};
    for (const field of record.fields) {
      const [key = '', rest] = splitOnce(field.toLowerCase(), '=');
      if (rest === undefined || key.trim() === '') throw commandError(`${spelled} ${value}: invalid field ${field}`);
      const option = key.trim();
      const text = rest.trim();
      if (option === 'name') name = text;
      else if (['alias', 'ip', 'ip6', 'mac-address', 'link-local-ip'].includes(option)) (perNetwork[option] ??= []).push(text);
      else if (option === 'driver-opt') (perNetwork[option] ??= []).push(text);
      else if (option === 'gw-priority') throw commandError(`${spelled} ${value}: gw-priority needs engine API 1.48 (Docker Engine 28.0) or later.`);
      else throw commandError(`${spelled} ${value}: invalid field key ${option}`);
    }
    if (name === '') throw commandError(`${spelled} ${value}: network name/id is not specified`);
    const flags: [string, string, string][] = [
      ['alias', 'network-alias', 'alias'],
      ['ip', 'ip', 'IPv4 address'],
      ['ip6', 'ip6', 'IPv6 address'],
      ['mac-address', 'mac-address', 'MAC address'],
      ['link-local-ip', 'link-local-ip', 'link-local IP addresses'],
      ['driver-opt', 'driver-opt', 'driver options'],
    ];
    for (const [option, flag, noun] of flags) {
      for (const text of perNetwork[option] ?? []) {
        const row = tableFlag(flag);
        if (row === undefined) continue;
        if (this.givenFlags.has(flag)) throw commandError(`${spelled} ${value}: conflicting options: cannot specify both --${flag} and per-network ${noun}`);
        this.perNetworkFlags.add(flag);
        const read = row.apply(this.more, text);
        if (!read.ok) throw commandError(`${spelled} ${value}: ${option}=${text}: ${read.reason}`);
      }
    }
    return name;
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
    const env = [...this.fileEnv, ...this.env];
    if (env.length > 0) spec.env = env;
    if (this.ports.length > 0) spec.ports = this.ports;
    if (this.mounts.length > 0) spec.mounts = this.mounts;
    // A key given twice takes the later value, files first (the CLI's order); `fromEntries` keeps a `__proto__` key a label.
    const labels = Object.fromEntries([...Object.entries(this.fileLabels), ...Object.entries(this.labels)]);
    if (Object.keys(labels).length > 0) spec.labels = labels;
    if (Object.keys(this.resources).length > 0) spec.resources = this.resources;
    for (const [key, list] of Object.entries(this.lists)) {
      if (list.length > 0) spec[key as keyof typeof this.lists] = list;
    }
    return Object.assign(spec, this.more);
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** A docker flag with no meaning yet in a RunSpec: refused by name, never dropped. The flag table leaves none today. */
function unsupported(name: string, spelled: string): BerthError {
  const flag = flagByLongName(name);
  const shown = flag && spelled.startsWith('--') ? spelled : flag ? describeFlag(flag) : spelled;
  return commandError(`${shown} is not supported by Berth yet.`);
}
