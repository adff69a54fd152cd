import type { Duplex, Readable } from 'node:stream';
import {
  engineChangesSchema,
  engineContainerListSchema,
  engineContainerSchema,
  engineCreatedSchema,
  enginePrunedSchema,
  engineTopSchema,
  engineUpdatedSchema,
  type EngineChanges,
  type EngineContainer,
  type EngineContainerListItem,
  type EnginePruned,
  type EngineTop,
} from '../json/container.js';
import { containerAsDocker, containerListItemAsDocker, imageNameAsDocker, type EngineDialect } from '../dialect.js';
import { engineSizedContainerListSchema, type EngineDiskUsageContainer } from '../json/disk-usage.js';
import { readAnswer } from '../json/read.js';
import { defaultAnswerTimeoutMs, orNullWhenMissing, pathPart, type EngineTransport } from './transport.js';

/** What `GET /containers/{id}/logs` reads: the `docker logs` options, in the engine's terms. */
export interface LogsQuery {
  follow: boolean;
  stdout: boolean;
  stderr: boolean;
  /** Prefix each message with its RFC 3339 timestamp. */
  timestamps: boolean;
  /** Unix seconds (fractions allowed), as the engine takes them; absent: from the start / to the end. */
  since?: string | undefined;
  until?: string | undefined;
  /** The last N lines only, or all. */
  tail: number | 'all';
}

/** A terminal's size in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

/** The engine's container endpoints, each answer read through its schema (json/container.ts). */
/** Removing a big container, pruning, creating with many mounts: work that may take minutes on a busy engine. */
const longWorkTimeoutMs = 5 * 60_000;

/** A stop waits out the grace period (the container's own, up to minutes, when not given) before it answers. */
function stopTimeoutMs(timeoutSeconds: number | undefined): number {
  return timeoutSeconds === undefined ? longWorkTimeoutMs : timeoutSeconds * 1000 + defaultAnswerTimeoutMs;
}

/**
 * Told of each change Berth itself made to a container, once the engine has answered: the id or
 * name as the caller gave it (`''` for a prune, which names none) and the action, as the engine's
 * event would say it. What keeps the containers live hears of Berth's own writes at once, before
 * their events arrive.
 */
export type ContainerWritten = (idOrName: string, action: string) => void;

export class ContainerCalls {
  constructor(
    private readonly http: EngineTransport,
    private readonly dialect: EngineDialect,
    private readonly written: ContainerWritten = () => undefined,
  ) {}

  /** Never asks for sizes: `size=true` can take minutes on a busy engine. */
  async list(options: { all?: boolean; filters?: Record<string, string[]> }, signal?: AbortSignal): Promise<EngineContainerListItem[]> {
    const answer = await this.http.request({ method: 'GET', path: '/containers/json', query: { all: options.all, filters: options.filters }, signal });
    const items = readAnswer(engineContainerListSchema, answer, 'GET /containers/json') ?? [];
    return this.dialect === 'docker' ? items : items.map((item) => containerListItemAsDocker(item, this.dialect));
  }

  async inspect(id: string, signal?: AbortSignal): Promise<EngineContainer> {
    return (await this.inspectWithJson(id, signal)).container;
  }

  /** The container, or null when the engine has none by that id or name. */
  inspectOrNull(id: string, signal?: AbortSignal): Promise<EngineContainer | null> {
    return orNullWhenMissing(this.inspect(id, signal));
  }

  /** The container read (as Docker would say it), and the engine's JSON exactly as it came (for the Inspect view). */
  async inspectWithJson(id: string, signal?: AbortSignal): Promise<{ container: EngineContainer; json: Record<string, unknown> }> {
    const answer = await this.http.request({ method: 'GET', path: `/containers/${pathPart(id)}/json`, signal });
    const json = readAnswer(engineContainerSchema, answer, 'GET /containers/{id}/json');
    return { container: containerAsDocker(json, this.dialect), json };
  }

  /** Already running (304) is done too. */
  async start(id: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/start`, alsoDone: [304], signal });
    this.written(id, 'start');
  }

  /** Already stopped (304) is done too. Without a timeout the engine uses the container's own. */
  async stop(id: string, timeoutSeconds: number | undefined, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/stop`, query: { t: timeoutSeconds }, alsoDone: [304], signal, timeoutMs: stopTimeoutMs(timeoutSeconds) });
    this.written(id, 'stop');
  }

  async restart(id: string, timeoutSeconds: number | undefined, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/restart`, query: { t: timeoutSeconds }, signal, timeoutMs: stopTimeoutMs(timeoutSeconds) });
    this.written(id, 'restart');
  }

  async kill(id: string, killSignal: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/kill`, query: { signal: killSignal }, signal });
    this.written(id, 'kill');
  }

  async pause(id: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/pause`, signal });
    this.written(id, 'pause');
  }

  async unpause(id: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/unpause`, signal });
    this.written(id, 'unpause');
  }

  async rename(id: string, name: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/rename`, query: { name }, signal });
    this.written(id, 'rename');
  }

  async remove(id: string, options: { force?: boolean | undefined; volumes?: boolean | undefined }, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'DELETE', path: `/containers/${pathPart(id)}`, query: { force: options.force, v: options.volumes }, signal, timeoutMs: longWorkTimeoutMs });
    this.written(id, 'destroy');
  }

  /** `docker container prune`: `filters` as the engine takes them (`label`, `label!`, `until`). */
  async prune(filters: Record<string, string[]>, signal?: AbortSignal): Promise<EnginePruned> {
    const answer = await this.http.request({ method: 'POST', path: '/containers/prune', query: { filters }, signal, timeoutMs: longWorkTimeoutMs });
    this.written('', 'prune');
    return readAnswer(enginePrunedSchema, answer, 'POST /containers/prune');
  }

  /**
   * The containers `filters` pick, each with the size of its writable layer (`size=1`). The
   * engine sizes only the containers the filters let through, but sizing is slow: never ask for
   * every container (the list page does not).
   */
  async listSized(filters: Record<string, string[]>, signal?: AbortSignal): Promise<EngineDiskUsageContainer[]> {
    const answer = await this.http.request({ method: 'GET', path: '/containers/json', query: { all: true, size: true, filters }, signal, timeoutMs: longWorkTimeoutMs });
    const items = readAnswer(engineSizedContainerListSchema, answer, 'GET /containers/json?size=1') ?? [];
    return this.dialect === 'docker' ? items : items.map((item) => ({ ...item, Image: item.Image ? imageNameAsDocker(item.Image, this.dialect) : item.Image }));
  }

  async top(id: string, signal?: AbortSignal): Promise<EngineTop> {
    return readAnswer(engineTopSchema, await this.http.request({ method: 'GET', path: `/containers/${pathPart(id)}/top`, signal }), 'GET /containers/{id}/top');
  }

  async changes(id: string, signal?: AbortSignal): Promise<EngineChanges> {
    const answer = await this.http.request({ method: 'GET', path: `/containers/${pathPart(id)}/changes`, signal });
    return readAnswer(engineChangesSchema, answer, 'GET /containers/{id}/changes');
  }

  /** `docker update`: the engine applies the body's HostConfig fields to the running container. */
  async update(id: string, body: object, signal?: AbortSignal): Promise<{ warnings: string[] }> {
    const answer = await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/update`, body, signal });
    this.written(id, 'update');
    return { warnings: readAnswer(engineUpdatedSchema, answer, 'POST /containers/{id}/update')?.Warnings ?? [] };
  }

  /** `POST /containers/create`: the name (and `--platform`) in the query, the whole body (often long) only in the body. */
  async create(name: string | undefined, body: object, signal?: AbortSignal, platform?: string): Promise<{ id: string; warnings: string[] }> {
    const query = platform === undefined ? { name } : { name, platform };
    const answer = await this.http.request({ method: 'POST', path: '/containers/create', query, body, signal, timeoutMs: longWorkTimeoutMs });
    const created = readAnswer(engineCreatedSchema, answer, 'POST /containers/create');
    this.written(created.Id, 'create');
    return { id: created.Id, warnings: created.Warnings ?? [] };
  }

  /**
   * Attaches to the main process: its output (from the start when `logs`), and its input when
   * `stdin`. The same options go as query and body, as dockerode has always sent them.
   */
  attach(id: string, options: { stdin: boolean; logs: boolean; detachKeys: string }, signal?: AbortSignal): Promise<Duplex> {
    const query = { stream: true, stdin: options.stdin, stdout: true, stderr: true, logs: options.logs, detachKeys: options.detachKeys };
    return this.http.hijack({ method: 'POST', path: `/containers/${pathPart(id)}/attach`, query, body: query, stdin: options.stdin, signal });
  }

  async resize(id: string, size: TerminalSize, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method: 'POST', path: `/containers/${pathPart(id)}/resize`, query: { h: size.rows, w: size.cols }, signal });
  }

  /**
   * The container's log as the engine's driver kept it: multiplexed frames for a container
   * without a TTY, raw bytes for a TTY one (frames.ts, streams/log-lines.ts). Aborting `signal`
   * ends the request on the engine. A driver the engine cannot read back (`none`) is refused
   * with 501.
   */
  logs(id: string, query: LogsQuery, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({
      method: 'GET',
      path: `/containers/${pathPart(id)}/logs`,
      query: {
        follow: query.follow,
        stdout: query.stdout,
        stderr: query.stderr,
        timestamps: query.timestamps,
        since: query.since,
        until: query.until,
        tail: query.tail,
      },
      signal,
    });
  }

  /** The engine's once-a-second NDJSON stats stream (json/streams.ts reads its lines). */
  stats(id: string, signal?: AbortSignal): Promise<Readable> {
    return this.http.stream({ method: 'GET', path: `/containers/${pathPart(id)}/stats`, query: { stream: true }, signal });
  }
}
