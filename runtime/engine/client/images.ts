import type { Readable } from 'node:stream';
import {
  engineImageListSchema,
  engineSearchResultsSchema,
  type EngineSearchResult,
  engineImageRemovalSchema,
  engineImageSchema,
  type EngineImage,
  type EngineImageListItem,
  type EngineImageRemoval,
} from '../json/image.js';
import { imageAsDocker, imageRemovalAsDocker, type EngineDialect } from '../dialect.js';
import {
  engineImageDetailsSchema,
  engineImageHistorySchema,
  engineImagesPrunedSchema,
  engineImageStoreSchema,
  type EngineImageDetails,
  type EngineImageHistory,
  type EngineImagesPruned,
  type EngineImageStoreItem,
} from '../json/image-details.js';
import { readAnswer } from '../json/read.js';
import { imagePathPart, orNullWhenMissing, type EngineTransport } from './transport.js';
import { registryOfRepository } from '../../api/image-reference.js';

/** The query of `POST /build` that Berth sends (the engine's own names). */
export interface EngineBuildQuery {
  dockerfile: string;
  /** Tags; sent as one `t=` each. */
  t: string[];
  buildargs: Record<string, string>;
  target?: string | undefined;
  nocache: boolean;
  pull: boolean;
  /** Remove intermediate containers after a successful step, and (forcerm) after a failed one too. */
  rm: boolean;
  forcerm: boolean;
}

/** The engine's image endpoints, each answer read through its schema (json/image.ts). */
export class ImageCalls {
  constructor(
    private readonly http: EngineTransport,
    private readonly dialect: EngineDialect,
    private readonly registryAuth: RegistryAuthSource = anonymousAuth,
  ) {}

  async list(signal?: AbortSignal): Promise<EngineImageListItem[]> {
    const images = readAnswer(engineImageListSchema, await this.http.request({ method: 'GET', path: '/images/json', signal }), 'GET /images/json') ?? [];
    return this.dialect === 'docker' ? images : images.map((image) => imageAsDocker(image, this.dialect));
  }

  /**
   * `docker search`: the engine asks Docker Hub (`GET /images/search`); an engine that cannot
   * reach it answers 500 in its own words. Sends the Docker Hub login as the CLI does.
   */
  async search(term: string, limit: number, signal?: AbortSignal): Promise<EngineSearchResult[]> {
    const registryAuth = await this.registryAuth('docker.io', signal);
    const answer = await this.http.request({ method: 'GET', path: '/images/search', query: { term, limit }, registryAuth, signal });
    return readAnswer(engineSearchResultsSchema, answer, 'GET /images/search') ?? [];
  }

  async inspect(reference: string, signal?: AbortSignal): Promise<EngineImage> {
    const answer = await this.http.request({ method: 'GET', path: `/images/${imagePathPart(reference)}/json`, signal });
    return imageAsDocker(readAnswer(engineImageSchema, answer, 'GET /images/{name}/json'), this.dialect);
  }

  /** The image, or null when the engine has none by that reference or id. */
  inspectOrNull(reference: string, signal?: AbortSignal): Promise<EngineImage | null> {
    return orNullWhenMissing(this.inspect(reference, signal));
  }

  /** `GET /images/{name}/json` read whole, for the details page (json/image-details.ts). */
  async inspectDetails(reference: string, signal?: AbortSignal): Promise<EngineImageDetails> {
    const answer = await this.http.request({ method: 'GET', path: `/images/${imagePathPart(reference)}/json`, signal });
    return imageAsDocker(readAnswer(engineImageDetailsSchema, answer, 'GET /images/{name}/json'), this.dialect);
  }

  /** `docker history`: newest instruction first. */
  async history(reference: string, signal?: AbortSignal): Promise<EngineImageHistory> {
    const answer = await this.http.request({ method: 'GET', path: `/images/${imagePathPart(reference)}/history`, signal });
    const items = readAnswer(engineImageHistorySchema, answer, 'GET /images/{name}/history') ?? [];
    return this.dialect === 'docker' ? items : items.map((item) => ({ ...item, Tags: imageAsDocker({ RepoTags: item.Tags }, this.dialect).RepoTags }));
  }

  /** Every image, intermediate ones (`all=1`) too, with parent links and labels: what a prune decides from. */
  async listAll(signal?: AbortSignal): Promise<EngineImageStoreItem[]> {
    const answer = await this.http.request({ method: 'GET', path: '/images/json', query: { all: true }, signal });
    const images = readAnswer(engineImageStoreSchema, answer, 'GET /images/json?all=1') ?? [];
    return this.dialect === 'docker' ? images : images.map((image) => imageAsDocker(image, this.dialect));
  }

  /** `docker image prune`: `filters` as the engine takes them (`dangling`, `label`, `label!`, `until`). */
  async prune(filters: Record<string, string[]>, signal?: AbortSignal): Promise<EngineImagesPruned> {
    // Deleting many images can take minutes on a busy engine.
    const answer = await this.http.request({ method: 'POST', path: '/images/prune', query: { filters }, signal, timeoutMs: 10 * 60_000 });
    const pruned = readAnswer(engineImagesPrunedSchema, answer, 'POST /images/prune');
    return this.dialect === 'docker' ? pruned : { ...pruned, ImagesDeleted: imageRemovalAsDocker(pruned.ImagesDeleted, this.dialect) };
  }

  async remove(reference: string, options: { force?: boolean | undefined }, signal?: AbortSignal): Promise<EngineImageRemoval> {
    // Deleting many layers can take long on a busy engine.
    const answer = await this.http.request({ method: 'DELETE', path: `/images/${imagePathPart(reference)}`, query: { force: options.force }, signal, timeoutMs: 5 * 60_000 });
    return imageRemovalAsDocker(readAnswer(engineImageRemovalSchema, answer, 'DELETE /images/{name}'), this.dialect);
  }

  /**
   * `docker save`: the images as one tar stream (`GET /images/get?names=a&names=b`). Aborting
   * `signal` ends it. An unknown name is the engine's 404, before any byte.
   */
  save(names: readonly string[], signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'GET', path: '/images/get', query: { names: [...names] }, signal });
  }

  /**
   * `docker load -q`: `archive` streamed to the engine as it is read. Answers once the engine
   * has taken it all: NDJSON lines, `{"stream":"Loaded image: x\n"}` each, or an `error` line.
   * Aborting `signal` ends the request; the caller destroys `archive`.
   */
  load(archive: Readable, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'POST', path: '/images/load', query: { quiet: true }, upload: archive, signal });
  }

  /** A pull's NDJSON progress (json/image.ts reads its lines). Aborting `signal` stops the pull. */
  async pull(source: { fromImage: string; tag: string; platform?: string }, signal?: AbortSignal): Promise<Readable> {
    const registryAuth = await this.registryAuth(registryOfRepository(source.fromImage), signal);
    return this.http.stream({ method: 'POST', path: '/images/create', query: source, registryAuth, signal });
  }

  /**
   * A build (classic builder): `context` is the tar of the build context, streamed as the body;
   * the answer is the build's NDJSON log (json/build.ts). Aborting `signal` ends the request, and
   * the engine then stops the build (kills and removes the step's container).
   */
  build(query: EngineBuildQuery, context: Readable, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'POST', path: '/build', query: { ...query }, upload: context, signal });
  }

  // Transfers and tags (images-transfer).

  /** `docker push`'s NDJSON progress for one local tag. Aborting `signal` stops the push. */
  async push(repository: string, tag: string, signal?: AbortSignal): Promise<Readable> {
    const registryAuth = await this.registryAuth(registryOfRepository(repository), signal);
    return this.http.stream({ method: 'POST', path: `/images/${imagePathPart(repository)}/push`, query: { tag }, registryAuth, signal });
  }

  /** `docker tag SOURCE REPOSITORY:TAG`. */
  async tag(source: string, target: { repository: string; tag: string }, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/images/${imagePathPart(source)}/tag`, query: { repo: target.repository, tag: target.tag }, signal });
  }
}

/**
 * `X-Registry-Auth` for a registry (`host[:port]`, `docker.io`): what the engine passes on to it
 * for a pull or push (runtime/registry/engine-auth.ts makes it from Berth's credentials).
 */
export type RegistryAuthSource = (registry: string, signal?: AbortSignal) => Promise<string>;

/** No credentials (`{}`), as the docker CLI sends when it has none for the registry. */
export const anonymousRegistryAuth = Buffer.from('{}').toString('base64');
const anonymousAuth: RegistryAuthSource = () => Promise.resolve(anonymousRegistryAuth);
