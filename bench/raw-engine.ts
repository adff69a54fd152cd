import http from 'node:http';

/**
 * The baseline a client gets without Berth: the engine's own list call over its unix socket
 * (or another transport: rawListOver), with plain node:http (no dockerode), the body read and
 * JSON-parsed as any client would.
 */

export interface RawList {
  count: number;
  bytes: number;
}

/** The path every raw list asks for, on any transport. */
export const listPath = '/containers/json?all=1';

export function rawListContainers(socketPath: string): Promise<RawList> {
  return rawListOver((onResponse) => http.get({ socketPath, path: listPath, headers: { Host: 'docker' } }, onResponse));
}

/**
 * The same list call over any transport (TLS, ssh): `get` sends `GET /containers/json?all=1`
 * and hands the response over; the body is read and JSON-parsed as above.
 */
export function rawListOver(get: (onResponse: (response: http.IncomingMessage) => void) => http.ClientRequest): Promise<RawList> {
  return new Promise((resolve, reject) => {
    const request = get((response) => {
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

/** One engine API call on its unix socket with plain node:http: JSON body in, status and body text out. */
export function rawEngineRequest(socketPath: string, method: string, requestPath: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { Host: 'docker' };
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
    const request = http.request({ socketPath, method, path: requestPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * What `docker run -d` asks of the engine, without the CLI process: POST /containers/create
 * (name, image, command, labels), then POST /containers/{id}/start.
 */
export async function rawCreateAndStart(socketPath: string, spec: { name: string; image: string; command: string[]; labels: Record<string, string> }): Promise<string> {
  const created = await rawEngineRequest(socketPath, 'POST', `/containers/create?name=${encodeURIComponent(spec.name)}`, {
    Image: spec.image,
    Cmd: spec.command,
    Labels: spec.labels,
  });
  if (created.status !== 201) throw new Error(`POST /containers/create answered ${created.status}: ${created.text.slice(0, 200)}`);
  const { Id: id } = JSON.parse(created.text) as { Id: string };
  const started = await rawEngineRequest(socketPath, 'POST', `/containers/${id}/start`);
  if (started.status !== 204) throw new Error(`POST /containers/${id}/start answered ${started.status}: ${started.text.slice(0, 200)}`);
  return id;
}
