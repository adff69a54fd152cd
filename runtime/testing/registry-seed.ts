// Test-only (integration tests and benches): puts small images straight into a real registry
// through its HTTP API (blob uploads, cross-repository mounts, manifest PUTs), so a test can
// make hundreds of repositories in a second or two without an engine or `docker push`. It
// signs in on its own (Basic, or a token from the realm with Basic credentials), independent
// of the registry client under test. Not part of the build.
import { createHash, randomBytes } from 'node:crypto';

export interface SeedAccess {
  /** `127.0.0.1:PORT`, plain http. */
  address: string;
  username?: string;
  password?: string;
}

export interface Blob {
  mediaType: string;
  digest: string;
  size: number;
}

export interface SeededImage {
  digest: string;
  mediaType: string;
  manifest: Buffer;
  config: Blob;
  layers: Blob[];
}

export const ociManifest = 'application/vnd.oci.image.manifest.v1+json';
export const ociIndex = 'application/vnd.oci.image.index.v1+json';
export const dockerManifest = 'application/vnd.docker.distribution.manifest.v2+json';

const digestOf = (bytes: Buffer): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export class RegistrySeeder {
  private challenge: string | null | undefined;
  private readonly tokens = new Map<string, string>();

  constructor(readonly access: SeedAccess) {}

  private basic(): string | undefined {
    const { username, password } = this.access;
    return username === undefined || password === undefined ? undefined : `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  private async authorization(scopes: readonly string[]): Promise<string | undefined> {
    const scope = scopes.join(' ');
    if (this.challenge === undefined) {
      const probe = await fetch(`http://${this.access.address}/v2/`);
      this.challenge = probe.status === 401 ? probe.headers.get('www-authenticate') : null;
    }
    if (this.challenge === null || this.challenge.startsWith('Basic')) return this.basic();
    const cached = this.tokens.get(scope);
    if (cached !== undefined) return cached;
    const realm = /realm="([^"]+)"/.exec(this.challenge)?.[1] ?? '';
    const service = /service="([^"]+)"/.exec(this.challenge)?.[1] ?? '';
    const basic = this.basic();
    const query = new URLSearchParams({ service });
    for (const wanted of scopes) query.append('scope', wanted);
    const answer = await fetch(`${realm}?${query.toString()}`, { headers: basic === undefined ? {} : { Authorization: basic } });
    if (answer.status !== 200) throw new Error(`seeding: the token service refused ${scope}: HTTP ${answer.status}`);
    const { token } = (await answer.json()) as { token: string };
    this.tokens.set(scope, `Bearer ${token}`);
    return `Bearer ${token}`;
  }

  /** One request as the seeding user, with the scope of the repository it touches (and the one it mounts from); throws unless the status is expected. */
  async request(method: string, path: string, repository: string, expect: readonly number[], init: { headers?: Record<string, string>; body?: Buffer; from?: string } = {}): Promise<Response> {
    const scopes = [`repository:${repository}:pull,push`, ...(init.from === undefined ? [] : [`repository:${init.from}:pull`])];
    const authorization = await this.authorization(scopes);
    const url = path.startsWith('http') ? path : `http://${this.access.address}${path}`;
    const response = await fetch(url, { method, headers: { ...(init.headers ?? {}), ...(authorization === undefined ? {} : { Authorization: authorization }) }, ...(init.body === undefined ? {} : { body: init.body }) });
    if (!expect.includes(response.status)) throw new Error(`seeding: ${method} ${path} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response;
  }

  /** Uploads a blob in one PUT (or mounts it from `from`, where the registry already holds it). */
  async putBlob(repository: string, bytes: Buffer, mediaType: string, from?: string): Promise<Blob> {
    const digest = digestOf(bytes);
    const blob = { mediaType, digest, size: bytes.length };
    if (from !== undefined) {
      const mounted = await this.request('POST', `/v2/${repository}/blobs/uploads/?${new URLSearchParams({ mount: digest, from }).toString()}`, repository, [201, 202], { from });
      if (mounted.status === 201) return blob;
      await mounted.body?.cancel();
    }
    const started = await this.request('POST', `/v2/${repository}/blobs/uploads/`, repository, [202]);
    const location = new URL(started.headers.get('location') ?? '', `http://${this.access.address}`);
    location.searchParams.set('digest', digest);
    await this.request('PUT', location.toString(), repository, [201], { headers: { 'Content-Type': 'application/octet-stream' }, body: bytes });
    return blob;
  }

  async putManifest(repository: string, reference: string, mediaType: string, manifest: Buffer): Promise<string> {
    await this.request('PUT', `/v2/${repository}/manifests/${reference}`, repository, [201], { headers: { 'Content-Type': mediaType }, body: manifest });
    return digestOf(manifest);
  }

  /**
   * An image of random layers of the given sizes with a config that says when it was made and
   * for which platform, tagged with each of `tags` (none: pushed by digest only).
   */
  async image(repository: string, tags: readonly string[], options: { layerSizes?: readonly number[]; created?: string; platform?: { os: string; architecture: string; variant?: string }; mediaType?: string } = {}): Promise<SeededImage> {
    const mediaType = options.mediaType ?? ociManifest;
    const configType = mediaType === dockerManifest ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json';
    const layerType = mediaType === dockerManifest ? 'application/vnd.docker.image.rootfs.diff.tar.gzip' : 'application/vnd.oci.image.layer.v1.tar+gzip';
    const platform = options.platform ?? { os: 'linux', architecture: 'amd64' };
    const configJson = { created: options.created ?? new Date().toISOString(), ...platform, config: {}, rootfs: { type: 'layers', diff_ids: [] } };
    const config = await this.putBlob(repository, Buffer.from(JSON.stringify(configJson)), configType);
    const layers: Blob[] = [];
    for (const size of options.layerSizes ?? []) layers.push(await this.putBlob(repository, randomBytes(size), layerType));
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, config, layers }));
    const digest = digestOf(manifest);
    await this.putManifest(repository, digest, mediaType, manifest);
    for (const tag of tags) await this.putManifest(repository, tag, mediaType, manifest);
    return { digest, mediaType, manifest, config, layers };
  }

  private async mountExisting(repository: string, blob: Blob, from: string): Promise<void> {
    await this.request('POST', `/v2/${repository}/blobs/uploads/?${new URLSearchParams({ mount: blob.digest, from }).toString()}`, repository, [201], { from });
  }

  /** An OCI index over images already in the repository, each with its platform. */
  async index(repository: string, tag: string, entries: readonly { image: SeededImage; platform: { os: string; architecture: string; variant?: string }; annotations?: Record<string, string> }[]): Promise<{ digest: string; manifest: Buffer }> {
    const manifests = entries.map(({ image, platform, annotations }) => ({ mediaType: image.mediaType, digest: image.digest, size: image.manifest.length, platform, ...(annotations === undefined ? {} : { annotations }) }));
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: ociIndex, manifests }));
    return { digest: await this.putManifest(repository, tag, ociIndex, manifest), manifest };
  }

  /**
   * The same small image in every repository: blobs mounted from the first, then one manifest
   * PUT each, `concurrency` at a time. Idempotent: seeding again changes nothing.
   */
  async many(repositories: readonly string[], tag: string, concurrency = 16): Promise<void> {
    const [first, ...rest] = repositories;
    if (first === undefined) return;
    const base = { ...(await this.image(first, [tag], { created: '2024-01-01T00:00:00Z' })), repository: first };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rest.length) {
        const repository = rest[next++] as string;
        for (const blob of [base.config, ...base.layers]) await this.mountExisting(repository, blob, first);
        await this.putManifest(repository, tag, base.mediaType, base.manifest);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
}
