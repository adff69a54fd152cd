/** Parsing of engine URLs as DOCKER_HOST spells them. */

export type EngineTarget =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls: boolean }
  | { kind: 'unsupported'; message: string };

/** Client certificate material for a TLS engine (DOCKER_TLS_VERIFY / DOCKER_CERT_PATH). */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export function parseEngineUrl(url: string): EngineTarget {
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    if (!socketPath.startsWith('/')) return { kind: 'unsupported', message: `Socket path in ${url} must be absolute.` };
    return { kind: 'unix', socketPath };
  }
  const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\]):?(\d+)?\/?$/.exec(url);
  if (match) {
    const [, scheme, host = '', port] = match;
    const tls = scheme === 'https';
    return { kind: 'tcp', host: host.replace(/^\[|\]$/g, ''), port: port ? Number(port) : tls ? 2376 : 2375, tls };
  }
  if (url.startsWith('npipe://')) return { kind: 'unsupported', message: 'Named pipes exist only on Windows.' };
  if (url.startsWith('ssh://')) return { kind: 'unsupported', message: `SSH engines (${url}) are not supported yet; forward the socket with ssh -L and use unix://.` };
  return { kind: 'unsupported', message: `Not an engine URL: ${url} (expected unix:///path or tcp://host:port).` };
}
