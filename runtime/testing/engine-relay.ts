// Test-only: a relay between Berth and the REAL test engine that sees which connection carries
// which request and when each closes (the engine itself is never mocked). Not part of the build.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testEngineUrl } from './real-engine.js';

/** One connection Berth opened to the engine, through the relay. */
export interface RelayedConnection {
  /** Every request line sent on it, in order (`GET /containers/x/stats?stream=true`, ...). */
  requests: string[];
  closed: boolean;
  /** The latest streamed (chunked) answer ended: its last, empty chunk went through. The connection is idle, kept alive. */
  answered: boolean;
}

export class EngineRelay {
  readonly connections: RelayedConnection[] = [];
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;
  private readonly holds: { prefix: string; bytes: number }[] = [];
  private readonly gates: { prefix: string; released: boolean; queue: (() => void)[] }[] = [];
  /** The client and engine sockets of each connection, by its index in `connections`. */
  private readonly socketsOf: net.Socket[][] = [];

  private constructor(
    private readonly dir: string,
    private readonly server: net.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<EngineRelay> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-relay-'));
    const socketPath = path.join(dir, 'engine.sock');
    let relay: EngineRelay | null = null;
    const server = net.createServer((client) => relay?.accept(client));
    relay = new EngineRelay(dir, server, `unix://${socketPath}`);
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    return relay;
  }

  /**
   * The open connection whose latest request starts with `prefix` (e.g. `GET /containers/web/stats`),
   * whatever API version the path was sent at (`GET /v1.41/containers/web/stats`).
   */
  carrying(prefix: string): RelayedConnection | undefined {
    return this.connections.find((connection) => withoutVersion(connection.requests.at(-1) ?? '').startsWith(prefix));
  }

  /** Every request line sent so far, in order over all connections. */
  get requests(): string[] {
    return this.connections.flatMap((connection) => connection.requests);
  }

  /** Every connection Berth opened to the engine whose latest request starts with `prefix`. */
  allCarrying(prefix: string): RelayedConnection[] {
    return this.connections.filter((connection) => withoutVersion(connection.requests.at(-1) ?? '').startsWith(prefix));
  }

  /** The engine goes away, as far as Berth can tell: every connection drops and new ones are refused. */
  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /**
   * From now on, a connection whose latest request starts with `prefix` relays only the first
   * `bytes` bytes of the engine's answer and then holds the rest (the engine waits, as it would
   * for a slow reader): a test can act in the middle of a transfer without racing it.
   */
  holdAnswers(prefix: string, bytes: number): void {
    this.holds.push({ prefix, bytes });
  }

  /** The engine is back. */
  restore(): void {
    this.isCut = false;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * From now on, a request that starts with `prefix` reaches the engine only once `release()` is
   * called (it waits in the relay, with whatever follows on its connection): a test can make
   * something happen on the engine before that request is seen there.
   */
  gate(prefix: string): { release(): void; readonly waiting: number } {
    const gate = { prefix, released: false, queue: [] as (() => void)[] };
    this.gates.push(gate);
    return {
      release: () => {
        gate.released = true;
        for (const go of gate.queue.splice(0)) go();
      },
      get waiting() {
        return gate.queue.length;
      },
    };
  }

  /** Ends every open connection whose latest request starts with `prefix` (as an engine ending that answer would). */
  drop(prefix: string): void {
    this.connections.forEach((connection, index) => {
      if (!connection.closed && withoutVersion(connection.requests.at(-1) ?? '').startsWith(prefix)) this.socketsOf[index]?.forEach((socket) => socket.destroy());
    });
  }

  private accept(client: net.Socket): void {
    if (this.isCut) {
      client.destroy();
      return;
    }
    const connection: RelayedConnection = { requests: [], closed: false, answered: false };
    this.connections.push(connection);
    const upstream = net.connect(testEngineUrl().slice('unix://'.length));
    this.socketsOf.push([client, upstream]);
    this.sockets.add(client).add(upstream);
    // What the client sends goes on, unless a gated request is in it: then it waits, with all after it.
    let held: Buffer[] | null = null;
    client.on('data', (chunk: Buffer) => {
      const lines = requestLines(chunk);
      for (const line of lines) connection.requests.push(line);
      if (lines.length > 0) connection.answered = false;
      if (held !== null) {
        held.push(chunk);
        return;
      }
      const gate = this.gates.find((candidate) => !candidate.released && lines.some((line) => withoutVersion(line).startsWith(candidate.prefix)));
      if (gate === undefined) {
        upstream.write(chunk);
        return;
      }
      held = [chunk];
      gate.queue.push(() => {
        for (const waiting of held ?? []) upstream.write(waiting);
        held = null;
      });
    });
    let tail = '';
    let relayed = 0;
    upstream.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 7))).slice(-7);
      if (tail.endsWith('\r\n0\r\n\r\n')) connection.answered = true;
      relayed += chunk.length;
      const request = withoutVersion(connection.requests.at(-1) ?? '');
      const hold = this.holds.find((candidate) => request.startsWith(candidate.prefix));
      if (hold !== undefined && relayed >= hold.bytes) {
        upstream.unpipe(client);
        upstream.pause();
      }
    });
    upstream.pipe(client);
    client.on('close', () => {
      connection.closed = true;
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  }
}

/** The HTTP request lines in a chunk the client sent, without their protocol (`GET /v1.41/events`). */
function requestLines(chunk: Buffer): string[] {
  return chunk
    .toString('latin1')
    .split('\r\n')
    .filter((line) => /^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01]$/.test(line))
    .map((line) => line.replace(/ HTTP\/1\.[01]$/, ''));
}

/** `GET /v1.41/containers/json` -> `GET /containers/json`. */
function withoutVersion(line: string): string {
  return line.replace(/^(\S+) \/v\d+\.\d+\//, '$1 /');
}
