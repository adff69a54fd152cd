import {
  BerthError,
  type CatalogPage,
  type ManifestView,
  type ParsedMethodParams,
  type RegistryCheck,
  type RegistryEntry,
  type RegistryPage,
  type SignInOptions,
} from '../../api/index.js';
import { dockerHubKey, Secret, type RegistryAccount, type RegistryCredentials } from '../../registry/credentials/index.js';
import { isLoopbackHost, parseRegistryAddress, RegistryClient, type HandshakeOutcome, type RegistryCredentials as ClientCredentials } from '../../registry/index.js';
import { scanCatalog } from './catalog-filter.js';
import { manifestView } from './manifest-view.js';
import { emptyRegistriesFile, loadRegistries, saveRegistries, type RegistriesFile, type SavedRegistry } from './registries-file.js';

export interface RegistriesServiceOptions {
  dataDir: string;
  credentials: RegistryCredentials;
  log: (line: string) => void;
}

/** A filtered catalog reads at most this many registry pages of this size per call. */
const filterScan = { maxPages: 4, pageSize: 500 };

/**
 * registries.*: the registries the user added (registries.json) and the logins the credential
 * stores hold, browsed with Berth's own registry client (runtime/registry). One client per
 * registry is kept, so its tokens are reused until they expire. A secret arrives once, in
 * `registries.login`, is checked against the registry, handed to a store, and never returned.
 */
export class RegistriesService {
  private file: RegistriesFile = emptyRegistriesFile;
  private loaded: Promise<void> | null = null;
  private readonly clients = new Map<string, RegistryClient>();

  constructor(private readonly options: RegistriesServiceOptions) {}

  async list(signal?: AbortSignal): Promise<RegistryEntry[]> {
    await this.load();
    const { accounts, problems } = await this.options.credentials.accounts(signal);
    for (const problem of problems) this.options.log(`registries: ${problem}`);
    const byHost = new Map(accounts.map((account) => [hostOfKey(account.registry), account]));
    const entries = this.file.registries.map((saved) => entryOf(saved, byHost.get(saved.registry) ?? null, 'user'));
    for (const [host, account] of byHost) {
      if (!this.file.registries.some((saved) => saved.registry === host)) entries.push(entryOf(this.defaultSaved(host), account, 'docker-config'));
    }
    return entries.sort((a, b) => a.registry.localeCompare(b.registry));
  }

  async add(params: ParsedMethodParams<'registries.add'>): Promise<RegistryEntry> {
    await this.load();
    const url = withDefaultScheme(params.url);
    const endpoint = parseRegistryAddress(url, { insecure: params.insecure });
    const saved: SavedRegistry = { registry: endpoint.host, url: endpoint.origin, insecure: params.insecure };
    const rest = this.file.registries.filter((each) => each.registry !== saved.registry);
    await this.save({ ...this.file, registries: [...rest, saved] });
    this.clients.delete(saved.registry);
    return this.entry(saved.registry);
  }

  async remove(params: ParsedMethodParams<'registries.remove'>, signal?: AbortSignal): Promise<null> {
    await this.load();
    const registry = params.registry;
    if (!this.file.registries.some((saved) => saved.registry === registry) && !params.logout) {
      throw new BerthError('not_found', `registry: Berth has no registry ${registry} (berth api registries.list lists them).`, { field: 'registry' });
    }
    await this.save({ ...this.file, registries: this.file.registries.filter((saved) => saved.registry !== registry) });
    if (params.logout) await this.logout({ registry }, signal);
    this.clients.delete(registry);
    return null;
  }

  async test(params: ParsedMethodParams<'registries.test'>, signal?: AbortSignal): Promise<RegistryCheck> {
    const client = await this.client(params.registry);
    const outcome = await client.check(signal);
    const account = outcome.kind === 'reachable' && outcome.signedIn ? await this.account(params.registry, signal) : null;
    return checkOf(params.registry, outcome, account?.username ?? (account ? '(identity token)' : null));
  }

  async signInOptions(params: ParsedMethodParams<'registries.signInOptions'>): Promise<SignInOptions> {
    const { credentials } = this.options;
    const destination = await credentials.destination(params.registry);
    const common = { registry: params.registry, dockerConfigPath: credentials.dockerConfigFile };
    if (destination.store === 'helper') return { ...common, store: 'helper', helper: destination.helper, choices: [], dockerConfigWarning: '' };
    if (destination.store === 'keychain') return { ...common, store: 'keychain', choices: [], dockerConfigWarning: '' };
    return { ...common, store: null, choices: destination.choices, dockerConfigWarning: destination.warning };
  }

  /**
   * Signs in: the credentials are tried on the registry first (a wrong password is refused and
   * nothing is kept), then kept where the rules say (credentials/index.ts).
   */
  async login(params: ParsedMethodParams<'registries.login'>, signal?: AbortSignal): Promise<RegistryEntry> {
    await this.load();
    const registry = params.registry;
    const isToken = params.username === '<token>';
    const given: ClientCredentials = isToken ? { identityToken: params.password } : { username: params.username, password: params.password };
    const trial = new RegistryClient({ ...this.addressOf(registry), credentials: () => given });
    const outcome = await trial.check(signal);
    if (outcome.kind === 'wrong_credentials') throw new BerthError('unauthorized', outcome.message, { field: 'password' });
    if (outcome.kind !== 'reachable') throw new BerthError(outcome.kind === 'unreachable' || outcome.kind === 'tls_error' ? 'engine_unreachable' : 'conflict', outcome.message, { registry });
    const stored = await this.options.credentials.store(
      { registry, username: isToken ? null : params.username, secret: new Secret(params.password), kind: isToken ? 'identity-token' : 'password', ...(params.store ? { keepIn: params.store } : {}) },
      signal,
    );
    if (stored.warning) this.options.log(`registries: ${stored.warning}`);
    if (!this.file.registries.some((saved) => saved.registry === registry) && registry !== 'docker.io') {
      await this.save({ ...this.file, registries: [...this.file.registries, this.defaultSaved(registry)] });
    }
    this.clients.get(registry)?.forgetTokens();
    return this.entry(registry, signal);
  }

  async logout(params: ParsedMethodParams<'registries.logout'>, signal?: AbortSignal): Promise<null> {
    const { problems } = await this.options.credentials.erase(params.registry, signal);
    this.clients.get(params.registry)?.forgetTokens();
    if (problems.length > 0) throw new BerthError('conflict', `Signed out of ${params.registry} where Berth could, but: ${problems.join('; ')}`, { registry: params.registry });
    return null;
  }

  async catalog(params: ParsedMethodParams<'registries.catalog'>, signal?: AbortSignal): Promise<CatalogPage> {
    const client = await this.client(params.registry);
    const filter = params.filter?.trim() ?? '';
    if (filter === '') {
      const page = await client.catalogPage({ cursor: params.last ?? null, pageSize: params.n, signal });
      return page.kind === 'unavailable' ? { items: [], next: null, scanned: 0, unavailable: page.message } : { items: page.repositories, next: page.next, scanned: page.repositories.length };
    }
    const scanned = await scanCatalog((cursor, pageSize) => client.catalogPage({ cursor, pageSize, signal }), params.last ?? null, { filter, wanted: params.n, ...filterScan });
    return scanned.unavailable === undefined ? { items: scanned.items, next: scanned.next, scanned: scanned.scanned } : { ...scanned, unavailable: scanned.unavailable };
  }

  async tags(params: ParsedMethodParams<'registries.tags'>, signal?: AbortSignal): Promise<RegistryPage<string>> {
    const client = await this.client(params.registry);
    const page = await client.tagsPage(params.repository, { cursor: params.last ?? null, pageSize: params.n, signal });
    return { items: page.tags, next: page.next };
  }

  async manifest(params: ParsedMethodParams<'registries.manifest'>, signal?: AbortSignal): Promise<ManifestView> {
    const client = await this.client(params.registry);
    return manifestView(params.registry, await client.manifest(params.repository, params.reference, signal));
  }

  async deleteTag(params: ParsedMethodParams<'registries.deleteTag'>, signal?: AbortSignal): Promise<null> {
    const client = await this.client(params.registry);
    await client.deleteTag(params.repository, params.tag, signal);
    return null;
  }

  private async entry(registry: string, signal?: AbortSignal): Promise<RegistryEntry> {
    const entries = await this.list(signal);
    const found = entries.find((each) => each.registry === registry);
    if (!found) throw new BerthError('internal', `${registry} is missing from the registries just saved.`);
    return found;
  }

  private async account(registry: string, signal?: AbortSignal): Promise<RegistryAccount | null> {
    const { accounts } = await this.options.credentials.accounts(signal);
    return accounts.find((account) => hostOfKey(account.registry) === registry) ?? null;
  }

  /** The client for a registry: the one kept, or a new one at its saved address (https, or http for loopback, when not added). */
  private async client(registry: string): Promise<RegistryClient> {
    await this.load();
    const kept = this.clients.get(registry);
    if (kept) return kept;
    const client = new RegistryClient({ ...this.addressOf(registry), credentials: (host) => this.lookup(host) });
    this.clients.set(registry, client);
    return client;
  }

  private addressOf(registry: string): { url: string; insecure: boolean } {
    const saved = this.file.registries.find((each) => each.registry === registry) ?? this.defaultSaved(registry);
    return { url: saved.url, insecure: saved.insecure };
  }

  /** The secret handed to the registry client, for this request only. */
  private async lookup(host: string): Promise<ClientCredentials | null> {
    const { credential, problems } = await this.options.credentials.find(host);
    for (const problem of problems) this.options.log(`registries: ${problem}`);
    if (credential === null) return null;
    const secret = credential.secret.reveal();
    if (credential.kind === 'identity-token') return credential.username === null ? { identityToken: secret } : { identityToken: secret, username: credential.username };
    return { username: credential.username ?? '', password: secret };
  }

  private defaultSaved(registry: string): SavedRegistry {
    const url = withDefaultScheme(registry);
    return { registry, url: parseRegistryAddress(url).origin, insecure: false };
  }

  private load(): Promise<void> {
    this.loaded ??= loadRegistries(this.options.dataDir).then(({ value, problem }) => {
      this.file = value;
      if (problem) this.options.log(`registries: ${problem.message}`);
    });
    return this.loaded;
  }

  private async save(file: RegistriesFile): Promise<void> {
    await saveRegistries(this.options.dataDir, file);
    this.file = file;
  }
}

/** `host[:port]` alone means https, except for a loopback host, which the docker CLI reaches over plain http. */
function withDefaultScheme(address: string): string {
  const text = address.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  const hostname = text.replace(/\/.*$/, '').replace(/:\d+$/, '');
  return `${isLoopbackHost(hostname) ? 'http' : 'https'}://${text}`;
}

/** A credential store's key (`host[:port]`, or Docker Hub's URL) as a registry is named here. */
function hostOfKey(key: string): string {
  return key === dockerHubKey ? 'docker.io' : key;
}

function entryOf(saved: SavedRegistry, account: RegistryAccount | null, source: RegistryEntry['source']): RegistryEntry {
  const hostname = new URL(saved.url).hostname;
  const plainToRemote = saved.url.startsWith('http://') && !isLoopbackHost(hostname);
  return {
    registry: saved.registry,
    url: saved.url,
    insecure: saved.insecure,
    signedInAs: account === null ? null : (account.username ?? '(identity token)'),
    credentialStore: account?.store ?? null,
    ...(account?.helper ? { helper: account.helper } : {}),
    source,
    ...(plainToRemote ? { warning: `Plain HTTP to ${saved.registry}: anyone on the network path can read and change what is sent, passwords included.` } : {}),
  };
}

function checkOf(registry: string, outcome: HandshakeOutcome, signedInAs: string | null): RegistryCheck {
  const auth = outcome.kind === 'reachable' ? (outcome.auth === 'none' ? null : outcome.auth) : outcome.kind === 'needs_credentials' ? outcome.auth : null;
  return { registry, outcome: outcome.kind, message: outcome.message, signedInAs, auth };
}
