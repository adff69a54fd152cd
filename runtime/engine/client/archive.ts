import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { engineArchiveStatSchema, type EngineArchiveStat } from '../json/volume.js';
import { check } from '../json/read.js';
import { pathPart, type EngineTransport } from './transport.js';

/**
 * The engine's archive API on a container (`docker cp`): a path read as a tar stream, its stat
 * alone, and a tar extracted into a path. The container need not run: the engine mounts its
 * file system and volumes for the call. Aborting `signal` ends the request.
 */
export class ArchiveCalls {
  constructor(private readonly http: EngineTransport) {}

  /**
   * `GET /containers/{id}/archive?path=`: the path (a folder with everything below it) as a tar
   * whose entries are named from the path's last part (`path/.` names them `./...`), and its stat.
   * A missing path is the engine's 404.
   */
  async read(containerId: string, path: string, signal?: AbortSignal): Promise<{ stat: EngineArchiveStat | null; body: Readable }> {
    const body = await this.http.stream({ method: 'GET', path: `/containers/${pathPart(containerId)}/archive`, query: { path }, signal });
    return { stat: statOf(body), body };
  }

  /** `HEAD /containers/{id}/archive?path=`: the path's stat alone (null when the engine sends none). */
  async stat(containerId: string, path: string, signal?: AbortSignal): Promise<EngineArchiveStat | null> {
    const answer = await this.http.stream({ method: 'HEAD', path: `/containers/${pathPart(containerId)}/archive`, query: { path }, signal });
    answer.resume();
    return statOf(answer);
  }

  /**
   * `PUT /containers/{id}/archive?path=`: `tar` (plain, or compressed as the engine reads it)
   * streamed into the folder `path` as it is read. Resolves once the engine has extracted it all.
   * A folder is never replaced by a file or the other way round (`noOverwriteDirNonDir`).
   */
  async write(containerId: string, path: string, tar: Readable, signal?: AbortSignal): Promise<void> {
    const answer = await this.http.stream({
      method: 'PUT',
      path: `/containers/${pathPart(containerId)}/archive`,
      query: { path, noOverwriteDirNonDir: true },
      upload: tar,
      signal,
    });
    for await (const _chunk of answer) {
      // The answer is empty; read to its end so the request is finished.
    }
  }
}

/** The stat header of an archive answer, read; null when absent or unreadable (the entries still say everything). */
function statOf(answer: Readable): EngineArchiveStat | null {
  const header = (answer as Partial<IncomingMessage>).headers?.['x-docker-container-path-stat'];
  if (typeof header !== 'string') return null;
  try {
    const reading = check(engineArchiveStatSchema, JSON.parse(Buffer.from(header, 'base64').toString('utf8')));
    return reading.ok ? reading.value : null;
  } catch {
    return null;
  }
}
