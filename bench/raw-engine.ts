import http from 'node:http';

/**
 * The baseline a client gets without Berth: the engine's own list call over its unix socket,
 * with plain node:http (no dockerode), the body read and JSON-parsed as any client would.
 */

export interface RawList {
  count: number;
  bytes: number;
}

export function rawListContainers(socketPath: string): Promise<RawList> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path: '/containers/json?all=1', headers: { Host: 'docker' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (response.statusCode !== 200) {
          reject(new Error(`GET /containers/json answered ${String(response.statusCode)}: ${body.toString('utf8').slice(0, 200)}`));
          return;
        }
        const parsed = JSON.parse(body.toString('utf8')) as unknown;
        if (!Array.isArray(parsed)) {
          reject(new Error('GET /containers/json did not answer a JSON array'));
          return;
        }
        resolve({ count: parsed.length, bytes: body.length });
      });
    });
    request.on('error', reject);
  });
}

/** `unix:///path/docker.sock` to `/path/docker.sock`. */
export function socketPathOf(engineUrl: string): string {
  if (!engineUrl.startsWith('unix://')) throw new Error(`Not a unix socket engine URL: ${engineUrl}`);
  return engineUrl.slice('unix://'.length);
}
