/** Parsing of engine URLs as DOCKER_HOST spells them. */

export type EngineTarget =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; tls: boolean }
  | SshTarget
  | { kind: 'unsupported'; message: string };

/** `ssh://[user@]host[:port]`: an engine reached through `docker system dial-stdio` over ssh. */
export interface SshTarget {
  kind: 'ssh';
  user?: string;
  host: string;
  port?: number;
}

/** Client certificate material for a TLS engine (DOCKER_TLS_VERIFY / DOCKER_CERT_PATH). */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** False only when the user turned verification off for this engine (a test engine). */
  rejectUnauthorized?: boolean;
}

/** For an ssh engine: an ssh config file to use instead of `~/.ssh/config` (`ssh -F`). */
export interface SshOptions {
  configFile?: string | undefined;
}

/** What reaching one endpoint takes besides its URL: TLS material, ssh options. */
export interface EndpointAccess {
  tls?: TlsMaterial | undefined;
  ssh?: SshOptions | undefined;
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
  if (url.startsWith('ssh://')) return parseSshUrl(url);
  return { kind: 'unsupported', message: `Not an engine URL: ${url} (expected unix:///path, tcp://host:port or ssh://user@host).` };
}

/** As the docker CLI reads `ssh://[user@]host[:port]`: no path, no password, a port of 1-65535. */
function parseSshUrl(url: string): SshTarget | { kind: 'unsupported'; message: string } {
  const match = /^ssh:\/\/(?:([^@/:\s]+)@)?([^@/:\s[\]]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?\/?$/.exec(url);
  if (!match) {
    const why = /^ssh:\/\/[^@/]*:[^@/]*@/.test(url) ? ' (a password in the URL is never used: use your ssh agent or keys)' : '';
    return { kind: 'unsupported', message: `Not an ssh engine URL: ${url}${why}; expected ssh://user@host or ssh://user@host:port.` };
  }
  const [, user, rawHost = '', portText] = match;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return { kind: 'unsupported', message: `The port in ${url} must be 1-65535.` };
  // A host starting with `-` would reach ssh as an option.
  if (rawHost.startsWith('-') || user?.startsWith('-')) return { kind: 'unsupported', message: `Not an ssh engine URL: ${url}.` };
  return { kind: 'ssh', host: rawHost.replace(/^\[|\]$/g, ''), ...(user === undefined ? {} : { user }), ...(port === undefined ? {} : { port }) };
}
