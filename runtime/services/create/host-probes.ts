import { stat } from 'node:fs/promises';
import net from 'node:net';

/**
 * Questions about the engine's host that only make sense when the engine runs on this machine
 * (a unix socket): is a port free, does a path exist.
 */
export function isPortFree(port: number, hostIp: string | undefined, protocol: 'tcp' | 'udp' | 'sctp'): Promise<boolean> {
  if (protocol !== 'tcp') return Promise.resolve(true); // Only TCP can be probed by listening without side effects here.
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'EADDRINUSE'));
    server.listen({ port, host: hostIp && hostIp !== '' ? hostIp : '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
