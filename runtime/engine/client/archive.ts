import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { engineArchiveStatSchema, type EngineArchiveStat } from '../json/volume.js';
import { check } from '../json/read.js';
import type { EngineDialect } from '../dialect.js';
import { pathPart, type EngineTransport } from './transport.js';

/**
 * The engine's archive API on a container (`docker cp`): a path read as a tar stream, its stat
 * alone, and a tar extracted into a path. The container need not run: the engine mounts its
 * file system and volumes for the call. Aborting `signal` ends the request.
 */
export class ArchiveCalls {
  constructor(
    private readonly http: EngineTransport,
    private readonly dialect: EngineDialect = 'docker',
  ) {}

  /**
   * Where to extract an archive (entries from its root: `./a`) so that it lands in the volume
   * mounted at `mountPath` with the archive's root entry applied to the volume's root. Docker
   * applies the owner, mode and time of every entry but the folder it extracts into, so there the
   * archive goes one level up, its entries moved under the mount's name (`entriesUnder`). Podman
   * extracts into a volume only at its mount path (one level up lands in the container's own
   * files) and applies the root entry's mode there, not its owner.
   */
  extractionPlan(mountPath: string): { path: string; entriesUnder: string | null } {
    if (this.dialect === 'podman') return { path: mountPath, entriesUnder: null };
    const at = mountPath.lastIndexOf('/');
    return { path: mountPath.slice(0, at) || '/', entriesUnder: mountPath.slice(at + 1) };
  }

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
