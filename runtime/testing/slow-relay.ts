// Test-only: a TCP relay on 127.0.0.1 in front of a real registry that hands its answers on at
// a set rate, so a pull through it is certainly still under way when a test cancels it. It reads
// just enough HTTP (request lines, Content-Length) to tell which answers the engine stopped
// reading before their end. Not part of the build.
import net from 'node:net';

/** One answer of the registry, as it went through the relay. */
export interface RelayedAnswer {
  /** `GET /v2/team/app/blobs/sha256:...` */
  request: string;
  /** Body bytes still to come; 0 once it was all handed on. */
  remaining: number;
  /** The connection closed while some of the body was still to come. */
  cutShort: boolean;
}

export class SlowRelay {
  private readonly sockets = new Set<net.Socket>();
  private readonly clients = new Set<net.Socket>();
  readonly answers: RelayedAnswer[] = [];

  private constructor(
    private readonly server: net.Server,
    /** `127.0.0.1:PORT` */
    readonly address: string,
  ) {}

  /** Relays to `target` (`host:port`), each connection's answers at `bytesPerSecond`. */
  static async start(target: string, bytesPerSecond: number): Promise<SlowRelay> {
    const [host = '127.0.0.1', port = '0'] = target.split(':');
    let relay: SlowRelay | null = null;
    const server = net.createServer((client) => relay?.accept(client, host, Number(port), bytesPerSecond));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    relay = new SlowRelay(server, `127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`);
    return relay;
  }

  /** Answers with body still to come on a connection that is open: downloads under way. */
  get unfinished(): RelayedAnswer[] {
    return this.answers.filter((answer) => answer.remaining > 0 && !answer.cutShort);
  }

  private accept(client: net.Socket, host: string, port: number, bytesPerSecond: number): void {
    this.clients.add(client);
    client.once('close', () => this.clients.delete(client));
    const upstream = net.connect({ host, port });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.once('close', () => this.sockets.delete(socket));
    }
    const requests: string[] = [];
    const answers: RelayedAnswer[] = [];
    let header = '';
    let current: RelayedAnswer | null = null;
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(/^(GET|HEAD|POST|PUT|PATCH|DELETE) (\S+) HTTP\/1\.1\r$/gm)) requests.push(`${match[1]} ${match[2]}`);
    });
    /** Follows the answers' framing over the bytes handed on. */
    const track = (part: Buffer) => {
      let rest = part;
      while (rest.length > 0) {
        if (current !== null && current.remaining > 0) {
          const body = Math.min(current.remaining, rest.length);
          current.remaining -= body;
          rest = rest.subarray(body);
          continue;
        }
        header += rest.toString('latin1');
        const end = header.indexOf('\r\n\r\n');
        if (end < 0) return;
        const request = requests.shift() ?? '?';
        const length = /^content-length: *(\d+)\r$/im.exec(header.slice(0, end));
        current = { request, remaining: request.startsWith('HEAD ') || length === null ? 0 : Number(length[1]), cutShort: false };
        answers.push(current);
        this.answers.push(current);
        rest = Buffer.from(header.slice(end + 4), 'latin1');
        header = '';
      }
    };
    client.once('close', () => {
      upstream.destroy();
      for (const answer of answers) if (answer.remaining > 0) answer.cutShort = true;
    });
    client.pipe(upstream);
    // Answers go on in slices of 1/20 of the rate, one slice every 50 ms.
    const slice = Math.max(1, Math.floor(bytesPerSecond / 20));
    const queue: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    let isUpstreamDone = false;
    const pump = () => {
      timer = null;
      let budget = slice;
      while (budget > 0 && queue.length > 0 && !client.destroyed) {
        const head = queue[0]!;
        const part = head.subarray(0, budget);
        if (part.length === head.length) queue.shift();
        else queue[0] = head.subarray(budget);
        budget -= part.length;
        client.write(part);
        track(part);
      }
      if (client.destroyed) return;
      if (queue.length > 0) timer = setTimeout(pump, 50);
      else if (isUpstreamDone) client.end();
      else upstream.resume();
    };
    upstream.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      upstream.pause();
      timer ??= setTimeout(pump, 50);
    });
    upstream.once('close', () => {
      isUpstreamDone = true;
      if (timer === null && queue.length === 0) client.end();
    });
    client.once('close', () => {
      if (timer !== null) clearTimeout(timer);
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
