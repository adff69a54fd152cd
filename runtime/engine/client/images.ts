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
  pull(source: { fromImage: string; tag: string }, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'POST', path: '/images/create', query: source, signal });
  }
}
