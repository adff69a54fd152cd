import type { RegistryAuthSource } from '../client/images.js';
import { constants as fsConstants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { BerthError, DisposableStore, toDisposable, type Disposable, type EngineEntry, type EngineEndpoint, type EngineStatus } from '../../api/index.js';
import type { HandlerRouter } from '../../rpc/dispatcher.js';
import type { DownloadHandlers, EngineServices, ServiceHandlers, UploadHandlers } from '../../rpc/handlers.js';
import { EngineConnection } from '../connection.js';
import { parseEngineUrl, type EndpointAccess } from '../endpoint.js';
import { engineIdFor } from '../identity.js';
import { emptyEnginesFile, loadEngines, saveEngines, type EnginesFile, type SavedEngine } from './engines-file.js';
import { nameFromUrl, type FoundEngine } from './inventory.js';
import { LatencyWindow } from './latency.js';
import { accessOf, defaultColor, entryOf, type MemberConfig } from './members.js';

/**
 * Every engine Berth knows, and the connections to them. The default engine is chosen as
 * before (discovery.ts: `--engine`, DOCKER_HOST, the current context, the sockets, the managed
 * engine); every other engine the user added or connected gets a connection of its own, so one
 * slow or dead engine never holds up another. Requests are routed here by the engine they name
 * (`handlersFor`); the list and its changes feed `engines.list` / `engines.watch`.
 */

export interface RegistryOptions {
  dataDir: string;
  /** Every engine found the docker CLI's way (inventory.ts), asked again whenever the list is. */
  find(): Promise<FoundEngine[]>;
  /** The default engine's connection, choosing its engine as discovery does. */
  defaultConnection: EngineConnection;
  /** Connect the other engines the user keeps connected (the app, `berth serve`); a one-shot `berth api` does not. */
  connectOthers: boolean;
  /** The services on one connection (the engines domain among them, answering from `registry`). */
  servicesFor(connection: EngineConnection, registry: EngineRegistry): EngineServices;
  /** What the default engine's endpoint takes to reach (TLS from the environment). */
  defaultAccess?(endpoint: EngineEndpoint): EndpointAccess | undefined;
  /** `X-Registry-Auth` for the pulls and pushes on every engine (the default connection is given its own). */
  registryAuth?: RegistryAuthSource | undefined;
  log(line: string): void;
}

interface Member {
  connection: EngineConnection;
  services: EngineServices;
  store: DisposableStore;
}

export class EngineRegistry implements HandlerRouter, Disposable {
  private saved: EnginesFile = emptyEnginesFile;
  private found: FoundEngine[] = [];
  private readonly members = new Map<string, Member>();
  private readonly latency = new Map<string, LatencyWindow>();
  private readonly listeners = new Set<(entries: EngineEntry[]) => void>();
  private readonly defaultServices: EngineServices;
  private readonly store = new DisposableStore();
  private saving: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly options: RegistryOptions) {
    this.defaultServices = options.servicesFor(options.defaultConnection, this);
    this.store.add(toDisposable(() => this.defaultServices.dispose()));
    this.store.add(options.defaultConnection.onStatus(() => this.reconcile()));
  }

  /** The default engine's URL right now (the one it reached or is trying), if any. */
  private get defaultUrl(): string | undefined {
    return this.options.defaultConnection.status.endpoint?.url;
  }

  /** Reads the saved engines, then connects the default engine and the others the user keeps connected. */
  async start(): Promise<void> {
    const loaded = await loadEngines(this.options.dataDir);
    if (loaded.problem) this.options.log(`berth: ${loaded.problem.message}`);
    this.saved = loaded.file;
    this.found = await this.options.find();
    const ready = this.options.defaultConnection.start();
    this.reconcile();
    await ready;
  }

  /** The saved default (engines.setDefault), for discovery: it outranks the found sockets. */
  get savedDefaultUrl(): string | undefined {
    return this.saved.defaultUrl;
  }

  /** The URL of the engine with this id or name, if Berth knows one. */
  urlOf(engine: string): string | undefined {
    return this.find(engine)?.url;
  }

  /** Round-trip times of an engine's calls, kept by URL. */
  latencyFor(url: string): LatencyWindow {
    let window = this.latency.get(url);
    if (!window) this.latency.set(url, (window = new LatencyWindow()));
    return window;
  }

  /** What requests go to the default engine should measure (its URL may change). */
  recordDefaultRoundTrip(milliseconds: number): void {
    const url = this.defaultUrl;
    if (url) this.latencyFor(url).record(milliseconds);
  }

  /** What reaching a saved engine takes (certificates, ssh config), for the default connection too. */
  accessFor(endpoint: EngineEndpoint): EndpointAccess | undefined {
    const saved = this.saved.engines.find((engine) => engine.url === endpoint.url);
    return saved ? accessOf(saved) : this.options.defaultAccess?.(endpoint);
  }

  async list(): Promise<EngineEntry[]> {
    this.found = await this.options.find();
    return this.entries();
  }

  onChange(listener: (entries: EngineEntry[]) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  handlersFor(engine: string | undefined): ServiceHandlers {
    return this.servicesOf(engine).handlers;
  }

  /** The web host's downloads from the engine a request names (the default when none). */
  downloadsFor(engine: string | undefined): DownloadHandlers {
    return this.servicesOf(engine).downloads;
  }

  /** The web host's uploads to the engine a request names (the default when none). */
  uploadsFor(engine: string | undefined): UploadHandlers {
    return this.servicesOf(engine).uploads;
  }

  private servicesOf(engine: string | undefined): EngineServices {
    if (engine === undefined) return this.defaultServices;
    const config = this.find(engine);
    if (config === null) {
      if (engine === this.options.defaultConnection.status.engineId) return this.defaultServices;
      throw new BerthError('not_found', `No engine "${engine}": berth api engines.list lists the engines Berth knows.`, { engine });
    }
    if (config.url === this.defaultUrl) return this.defaultServices;
    const member = this.members.get(config.url);
    if (member) return member.services;
    throw new BerthError('engine_unreachable', `Engine "${config.name}" is not connected: connect it first (engines.connect).`, { engine: engineIdFor(config.url) });
  }

  // --- what the user changes ---------------------------------------------------------------

  async add(input: { url: string; name?: string | undefined; color?: string | undefined; tls?: MemberConfig['tls']; sshConfigPath?: string | undefined }): Promise<EngineEntry> {
    await checkNewEngine(input);
    const existing = this.configs().find((config) => config.url === input.url);
    if (existing) throw new BerthError('conflict', `${input.url} is already in the list, as "${existing.name}".`, { field: 'url' });
    const name = input.name ?? this.freeName(nameFromUrl(input.url));
    this.refuseTakenName(name, input.url);
    const saved: SavedEngine = { url: input.url, name, color: input.color ?? defaultColor(input.url), addedByUser: true, enabled: true };
    if (input.tls) saved.tls = input.tls;
    if (input.sshConfigPath) saved.sshConfigPath = input.sshConfigPath;
    await this.persist({ ...this.saved, engines: [...this.saved.engines, saved] });
    const member = this.connectMember(this.configOf(saved));
    if (member) {
      await member.connection.start();
      return this.entryFor(input.url);
    }
    // Not keeping other engines connected (a one-shot `berth api`): still say whether it answers.
    return this.tryOnce(this.configOf(saved));
  }

  /** Connects once, reports how that went, and lets go. */
  private async tryOnce(config: MemberConfig): Promise<EngineEntry> {
    const connection = this.newConnection(config);
    try {
      await connection.start();
      return entryOf(config, connection.status, false, this.latencyFor(config.url).summary());
    } finally {
      connection.dispose();
    }
  }

  async update(engine: string, change: { name?: string | undefined; color?: string | undefined }): Promise<EngineEntry> {
    const config = this.required(engine);
    if (change.name !== undefined) this.refuseTakenName(change.name, config.url);
    await this.override(config, { ...(change.name === undefined ? {} : { name: change.name }), ...(change.color === undefined ? {} : { color: change.color }) });
    return this.entryFor(config.url);
  }

  async remove(engine: string): Promise<void> {
    const config = this.required(engine);
    if (!config.addedByUser) throw new BerthError('conflict', `"${config.name}" was found (${config.why}), not added: disconnect it instead.`, { engine });
    if (config.url === this.defaultUrl) throw new BerthError('conflict', `"${config.name}" is the default engine: make another engine the default first.`, { engine });
    this.dropMember(config.url);
    await this.persist({ ...this.saved, engines: this.saved.engines.filter((saved) => saved.url !== config.url) });
  }

  async connect(engine: string): Promise<EngineEntry> {
    const config = this.required(engine);
    await this.override(config, { enabled: true });
    const member = this.members.get(config.url);
    if (member) await member.connection.start();
    return this.entryFor(config.url);
  }

  async disconnect(engine: string): Promise<EngineEntry> {
    const config = this.required(engine);
    if (config.url === this.defaultUrl) throw new BerthError('conflict', `"${config.name}" is the default engine: make another engine the default first.`, { engine });
    await this.override(config, { enabled: false });
    return this.entryFor(config.url);
  }

  async setDefault(engine: string): Promise<EngineEntry> {
    const config = this.required(engine);
    if (config.url !== this.defaultUrl) {
      await this.persist({ ...this.saved, defaultUrl: config.url });
      this.dropMember(config.url);
      await this.options.defaultConnection.reconnect();
    }
    return this.entryFor(config.url);
  }

  dispose(): void {
    this.disposed = true;
    for (const url of [...this.members.keys()]) this.dropMember(url);
    this.store.dispose();
    this.listeners.clear();
  }

  // --- the list ------------------------------------------------------------------------------

  private configOf(saved: SavedEngine, found?: FoundEngine): MemberConfig {
    return {
      url: saved.url,
      name: saved.name,
      color: saved.color,
      source: found?.source ?? 'user',
      why: found?.why ?? 'added by you',
      addedByUser: saved.addedByUser,
      enabled: saved.enabled,
      tls: saved.tls,
      sshConfigPath: saved.sshConfigPath,
    };
  }

  /** Found engines (with what the user changed of them), the default engine's own endpoint, then the added ones. */
  private configs(): MemberConfig[] {
    const configs: MemberConfig[] = [];
    const savedFor = (url: string) => this.saved.engines.find((saved) => saved.url === url);
    const foundOne = (engine: FoundEngine) => {
      const saved = savedFor(engine.url);
      configs.push(saved ? this.configOf(saved, engine) : { url: engine.url, name: engine.name, color: defaultColor(engine.url), source: engine.source, why: engine.why, addedByUser: false, enabled: false });
    };
    for (const engine of this.found) foundOne(engine);
    const endpoint = this.options.defaultConnection.status.endpoint;
    if (endpoint && !configs.some((config) => config.url === endpoint.url)) {
      foundOne({ ...endpoint, name: endpoint.source === 'managed' ? 'managed' : nameFromUrl(endpoint.url) });
    }
    for (const saved of this.saved.engines) {
      if (saved.addedByUser && !configs.some((config) => config.url === saved.url)) configs.push(this.configOf(saved));
    }
    return configs;
  }

  private entries(): EngineEntry[] {
    return this.configs().map((config) => this.entryOf(config));
  }

  private entryOf(config: MemberConfig): EngineEntry {
    const isDefault = config.url === this.defaultUrl;
    const status: EngineStatus | null = isDefault ? this.options.defaultConnection.status : (this.members.get(config.url)?.connection.status ?? null);
    return entryOf(config, status, isDefault, this.latencyFor(config.url).summary());
  }

  private entryFor(url: string): EngineEntry {
    const config = this.configs().find((candidate) => candidate.url === url);
    if (!config) throw new BerthError('not_found', `No engine at ${url}.`);
    return this.entryOf(config);
  }

  private find(engine: string): MemberConfig | null {
    const configs = this.configs();
    return configs.find((config) => engineIdFor(config.url) === engine) ?? configs.find((config) => config.name === engine) ?? configs.find((config) => config.url === engine) ?? null;
  }

  private required(engine: string): MemberConfig {
    const config = this.find(engine);
    if (!config) throw new BerthError('not_found', `No engine "${engine}": berth api engines.list lists the engines Berth knows.`, { field: 'engine' });
    return config;
  }

  private refuseTakenName(name: string, url: string): void {
    const other = this.configs().find((config) => config.name === name && config.url !== url);
    if (other) throw new BerthError('conflict', `The name "${name}" is taken by ${other.url}.`, { field: 'name' });
  }

  private freeName(base: string): string {
    const taken = new Set(this.configs().map((config) => config.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
    return name;
  }

  // --- connections ---------------------------------------------------------------------------

  /** Connects the engines the user keeps connected and drops the others; the default engine is served by its own connection. */
  private reconcile(): void {
    if (this.disposed) return;
    const wanted = new Set(
      this.options.connectOthers ? this.configs().filter((config) => config.enabled && config.url !== this.defaultUrl).map((config) => config.url) : [],
    );
    for (const url of [...this.members.keys()]) if (!wanted.has(url)) this.dropMember(url);
    for (const config of this.configs()) if (wanted.has(config.url) && !this.members.has(config.url)) this.connectMember(config);
    this.emit();
  }

  private connectMember(config: MemberConfig): Member | null {
    if (!this.options.connectOthers && config.url !== this.defaultUrl) return null;
    if (this.members.has(config.url) || config.url === this.defaultUrl) return this.members.get(config.url) ?? null;
    const connection = this.newConnection(config);
    const store = new DisposableStore();
    const services = this.options.servicesFor(connection, this);
    store.add(connection.onStatus(() => this.emit()));
    store.add(toDisposable(() => services.dispose()));
    store.add(connection);
    const member: Member = { connection, services, store };
    this.members.set(config.url, member);
    void connection.start();
    return member;
  }

  /** A connection to exactly this engine: no discovery, no managed engine, its own certificates or ssh config. */
  private newConnection(config: MemberConfig): EngineConnection {
    const endpoint: EngineEndpoint = { url: config.url, source: config.source === 'user' ? 'flag' : config.source, why: config.why };
    const latency = this.latencyFor(config.url);
    return new EngineConnection({
      plan: () => Promise.resolve({ explicit: true, candidates: [endpoint] }),
      managed: { dataDir: this.options.dataDir },
      autoStartManaged: false,
      ownsManaged: false,
      accessFor: () => accessOf(config),
      onRoundTrip: (milliseconds) => latency.record(milliseconds),
      registryAuth: this.options.registryAuth,
    });
  }

  private dropMember(url: string): void {
    const member = this.members.get(url);
    if (!member) return;
    this.members.delete(url);
    member.store.dispose();
  }

  private async override(config: MemberConfig, change: Partial<Pick<SavedEngine, 'name' | 'color' | 'enabled'>>): Promise<void> {
    const current = this.saved.engines.find((saved) => saved.url === config.url);
    const next: SavedEngine = current
      ? { ...current, ...change }
      : { url: config.url, name: config.name, color: config.color, addedByUser: false, enabled: config.enabled, ...change };
    await this.persist({ ...this.saved, engines: [...this.saved.engines.filter((saved) => saved.url !== config.url), next] });
  }

  /** Saves the list (one write at a time, in order), then applies it. */
  private async persist(next: EnginesFile): Promise<void> {
    this.saved = next;
    const write = this.saving.then(() => saveEngines(this.options.dataDir, next));
    this.saving = write.catch(() => undefined);
    await write;
    this.reconcile();
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const entries = this.entries();
    for (const listener of this.listeners) listener(entries);
  }
}

/**
 * What `engines.add` refuses before saving anything, each naming its field: a URL Berth cannot
 * reach an engine at, TLS files for anything but `tcp://`, an ssh config for anything but
 * `ssh://`, and files that are not absolute paths Berth can read.
 */
async function checkNewEngine(input: { url: string; tls?: MemberConfig['tls']; sshConfigPath?: string | undefined }): Promise<void> {
  const target = parseEngineUrl(input.url);
  if (target.kind === 'unsupported') throw new BerthError('invalid_argument', `url: ${target.message}`, { field: 'url' });
  if (input.tls && target.kind !== 'tcp') throw new BerthError('invalid_argument', 'tls: TLS files go with a tcp:// engine only.', { field: 'tls' });
  if (input.sshConfigPath !== undefined && target.kind !== 'ssh') {
    throw new BerthError('invalid_argument', 'sshConfigPath: an ssh config goes with an ssh:// engine only.', { field: 'sshConfigPath' });
  }
  const files: [string, string | undefined][] = [
    ['tls.caPath', input.tls?.caPath],
    ['tls.certPath', input.tls?.certPath],
    ['tls.keyPath', input.tls?.keyPath],
    ['sshConfigPath', input.sshConfigPath],
  ];
  for (const [field, file] of files) {
    if (file === undefined) continue;
    if (!path.isAbsolute(file)) throw new BerthError('invalid_argument', `${field}: must be an absolute path (${file} is not).`, { field });
    try {
      await access(file, fsConstants.R_OK);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'Berth cannot read it';
      throw new BerthError('invalid_argument', `${field}: ${file}: ${reason}.`, { field });
    }
  }
  if (input.tls && (input.tls.certPath === undefined) !== (input.tls.keyPath === undefined)) {
    throw new BerthError('invalid_argument', 'tls.keyPath: a client certificate and its key go together.', { field: input.tls.certPath === undefined ? 'tls.certPath' : 'tls.keyPath' });
  }
}
