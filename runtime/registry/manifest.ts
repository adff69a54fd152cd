import { createHash } from 'node:crypto';
import { BerthError } from '../api/index.js';
import { malformed, registryErrorText } from './errors.js';
import { checkReference, checkRepository, isDigest, repositoryScope } from './names.js';
import { imageConfigTypes, ManifestShapeError, manifestAccept, readImageConfig, readManifest, type Descriptor, type IndexEntry, type Platform } from './manifest-read.js';
import { refusalOf } from './refusal.js';
import type { RegistrySession } from './session.js';
import { header } from './transport.js';

/**
 * A tag's or digest's manifest as a browser shows it: media type and digest; for an image its
 * layers with sizes, the total, and the created date and platform from its config blob; for an
 * index its platforms; for anything else the raw text. Bytes fetched by digest are checked
 * against it, so a registry cannot hand over something else.
 */

interface Common {
  repository: string;
  /** The tag or digest asked for. */
  reference: string;
  mediaType: string;
  /** The manifest's digest: `Docker-Content-Digest`, or the sha256 of its bytes. */
  digest: string;
}

export type ManifestSummary =
  | (Common & {
      kind: 'image';
      config: Descriptor;
      layers: Descriptor[];
      /** Bytes a pull downloads: the config and every layer, compressed. */
      totalSize: number;
      /** From the config blob; null when it does not say or could not be read. */
      created: string | null;
      platform: Platform | null;
      /** Why the config blob could not be read, when it could not. */
      configProblem?: string;
    })
  | (Common & { kind: 'index'; platforms: IndexEntry[] })
  | (Common & { kind: 'unknown'; raw: string });

const maxManifestBytes = 4 * 1024 * 1024;
const maxConfigBytes = 8 * 1024 * 1024;

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface FetchedManifest {
  body: Buffer;
  contentType: string | undefined;
  digest: string;
}

/** GETs (or HEADs) a manifest; `not_found` for an unknown tag or repository. */
export async function fetchManifest(session: RegistrySession, repository: string, reference: string, options: { scope?: string; signal?: AbortSignal | undefined; method?: 'GET' | 'HEAD' } = {}): Promise<FetchedManifest> {
  checkRepository(repository);
  checkReference(reference);
  const { host } = session.endpoint;
  const what = `The manifest of ${repository}:${reference}`;
  const method = options.method ?? 'GET';
  const result = await session.call({
    method,
    path: `/v2/${repository}/manifests/${reference}`,
    scope: options.scope ?? repositoryScope(repository, ['pull']),
    headers: { Accept: manifestAccept },
    signal: options.signal,
    maxBodyBytes: maxManifestBytes,
  });
  if (result.response.status === 404) {
    throw new BerthError('not_found', `${repository}:${reference} is not in ${host}: no such tag, digest or repository (${registryErrorText(result.response)}).`, { registry: host, status: 404, reason: 'not_found' });
  }
  if (result.response.status !== 200) throw refusalOf(session, result, what).error;
  const { body } = result.response;
  const given = header(result.response, 'docker-content-digest');
  const announced = given !== undefined && isDigest(given) ? given : undefined;
  // Only a GET has bytes to check, and only a sha256 digest can be checked here.
  const computed = method === 'GET' ? sha256(body) : undefined;
  if (computed !== undefined && reference.startsWith('sha256:') && computed !== reference) throw malformed(host, what, `its bytes have digest ${computed}, not the one asked for`);
  if (computed !== undefined && announced?.startsWith('sha256:') && computed !== announced) throw malformed(host, what, `its bytes have digest ${computed}, not ${announced} as announced`);
  const digest = announced ?? computed;
  if (digest === undefined) throw malformed(host, what, 'no Docker-Content-Digest header');
  return { body, contentType: header(result.response, 'content-type'), digest };
}

async function configFacts(session: RegistrySession, repository: string, config: Descriptor, signal: AbortSignal | undefined) {
  if (!imageConfigTypes.has(config.mediaType)) return { created: null, platform: null };
  const result = await session.call({
    method: 'GET',
    path: `/v2/${repository}/blobs/${config.digest}`,
    scope: repositoryScope(repository, ['pull']),
    signal,
    maxBodyBytes: maxConfigBytes,
  });
  if (result.response.status !== 200) return { created: null, platform: null, configProblem: refusalOf(session, result, `The config blob ${config.digest}`).error.message };
  if (config.digest.startsWith('sha256:') && sha256(result.response.body) !== config.digest) {
    return { created: null, platform: null, configProblem: `The config blob of ${repository} does not match its digest ${config.digest}.` };
  }
  try {
    return readImageConfig(result.response.body.toString('utf8'));
  } catch (error) {
    return { created: null, platform: null, configProblem: `The config blob of ${repository} cannot be read: ${(error as Error).message}.` };
  }
}

export async function manifestSummary(session: RegistrySession, repository: string, reference: string, signal?: AbortSignal): Promise<ManifestSummary> {
  const fetched = await fetchManifest(session, repository, reference, { signal });
  let content;
  try {
    content = readManifest(fetched.body.toString('utf8'), fetched.contentType);
  } catch (error) {
    if (error instanceof ManifestShapeError) throw malformed(session.endpoint.host, `The manifest of ${repository}:${reference}`, error.message);
    throw error;
  }
  const common: Common = { repository, reference, mediaType: content.mediaType, digest: fetched.digest };
  switch (content.kind) {
    case 'unknown':
      return { ...common, kind: 'unknown', raw: content.raw };
    case 'index':
      return { ...common, kind: 'index', platforms: content.manifests };
    case 'image': {
      const facts = await configFacts(session, repository, content.config, signal);
      const totalSize = content.config.size + content.layers.reduce((sum, layer) => sum + layer.size, 0);
      return { ...common, kind: 'image', config: content.config, layers: content.layers, totalSize, ...facts };
    }
  }
}
