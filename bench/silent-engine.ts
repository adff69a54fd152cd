import net from 'node:net';

/**
 * An engine that hangs: a TCP port on 127.0.0.1 that accepts every connection and never reads
 * from it or answers, so each request Berth sends it can only end by Berth's own timeout.
 */

export interface SilentEngine {
  /** `tcp://127.0.0.1:PORT` */
  url: string;
  /** Connections accepted so far (Berth's attempts to reach it). */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startSilentEngine(): Promise<SilentEngine> {
  const open = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    accepted++;
    open.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `tcp://127.0.0.1:${port}`,
    get accepted() {
      return accepted;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
