import type { Readable } from 'node:stream';
import {
  engineImageListSchema,
  engineImageRemovalSchema,
  engineImageSchema,
  type EngineImage,
  type EngineImageListItem,
  type EngineImageRemoval,
} from '../json/image.js';
import { imageAsDocker, imageRemovalAsDocker, type EngineDialect } from '../dialect.js';
import { readAnswer } from '../json/read.js';
import { imagePathPart, orNullWhenMissing, type EngineTransport } from './transport.js';

/** The engine's image endpoints, each answer read through its schema (json/image.ts). */
export class ImageCalls {
  constructor(
    private readonly http: EngineTransport,
    private readonly dialect: EngineDialect,
  ) {}

  async list(signal?: AbortSignal): Promise<EngineImageListItem[]> {
    const images = readAnswer(engineImageListSchema, await this.http.request({ method: 'GET', path: '/images/json', signal }), 'GET /images/json') ?? [];
    return this.dialect === 'docker' ? images : images.map((image) => imageAsDocker(image, this.dialect));
  }

  async inspect(reference: string, signal?: AbortSignal): Promise<EngineImage> {
    const answer = await this.http.request({ method: 'GET', path: `/images/${imagePathPart(reference)}/json`, signal });
    return imageAsDocker(readAnswer(engineImageSchema, answer, 'GET /images/{name}/json'), this.dialect);
  }

  /** The image, or null when the engine has none by that reference or id. */
  inspectOrNull(reference: string, signal?: AbortSignal): Promise<EngineImage | null> {
    return orNullWhenMissing(this.inspect(reference, signal));
  }

  async remove(reference: string, options: { force?: boolean | undefined }, signal?: AbortSignal): Promise<EngineImageRemoval> {
    // Deleting many layers can take long on a busy engine.
    const answer = await this.http.request({ method: 'DELETE', path: `/images/${imagePathPart(reference)}`, query: { force: options.force }, signal, timeoutMs: 5 * 60_000 });
    return imageRemovalAsDocker(readAnswer(engineImageRemovalSchema, answer, 'DELETE /images/{name}'), this.dialect);
  }

  /** A pull's NDJSON progress (json/image.ts reads its lines). Aborting `signal` stops the pull. */
  pull(source: { fromImage: string; tag: string }, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'POST', path: '/images/create', query: source, signal });
  }

  // Transfers and tags (images-transfer).

  /** `docker push`'s NDJSON progress for one local tag. Aborting `signal` stops the push. */
  push(repository: string, tag: string, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'POST', path: `/images/${imagePathPart(repository)}/push`, query: { tag }, registryAuth: anonymousRegistryAuth, signal });
  }

  /** `docker tag SOURCE REPOSITORY:TAG`. */
  async tag(source: string, target: { repository: string; tag: string }, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/images/${imagePathPart(source)}/tag`, query: { repo: target.repository, tag: target.tag }, signal });
  }
}

/** No credentials (`{}`), as the docker CLI sends when it has none for the registry. */
const anonymousRegistryAuth = Buffer.from('{}').toString('base64');
