import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BerthClient,
  BerthError,
  describeContract,
  describeEntry,
  isMethodName,
  isStreamName,
  methods,
  streams,
  type EngineStatus,
} from './api/index.js';
import { createBackend } from './backend.js';
import { defaultDataDir, managedEngineStatus, startManagedEngine, stopManagedEngine } from './engine/managed.js';
import { serveRpc } from './rpc/dispatcher.js';
import { createPortPair } from './rpc/memory-port.js';
import { startHost } from './host/server.js';

const usage = `berth: a container manager for Docker-compatible engines

Usage:
  berth serve [--port N] [--host 127.0.0.1] [--engine URL|NAME] [--token T]
      Serve the Berth UI to a browser; prints the URL (with its token) on stdout.
  berth api METHOD [JSON] [--engine URL|NAME]
      Run one contract method and print its JSON result (a stream prints one event a line).
  berth api --help [METHOD]
      List every method and stream; with a METHOD, each of its parameters: type, default, meaning.
  berth engine start|stop|status
      Control Berth's managed engine (its own dockerd).
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'api':
      return api(rest);
    case 'engine':
      return engine(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`berth: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' }, engine: { type: 'string' }, token: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BerthError('invalid_argument', `--port: "${values.port}" is not a port number (0-65535).`, { field: 'port' });
  if (values.token !== undefined && values.token.length < 16) throw new BerthError('invalid_argument', '--token: must be at least 16 characters.', { field: 'token' });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  if (!existsSync(`${rendererDir}/index.html`)) throw new BerthError('internal', `The UI is not built (${rendererDir} is missing): run npm run build.`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
    process.stderr.write(`berth: warning: serving on ${values.host}; anyone who can reach it and has the token controls your engine (root on this host).\n`);
  }

  const backend = createBackend({ engineUrl: values.engine, autoStartManaged: values.engine === undefined, connectOthers: true });
  backend.engine.onStatus(logStatus);
  const host = await startHost({ handlers: backend.handlers, downloads: backend.engines, uploads: backend.engines, rendererDir, host: values.host, port, ...(values.token ? { token: values.token } : {}) });
  process.stdout.write(`${host.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  backend.dispose();
  return 0;
}

let lastLogged = '';
function logStatus(status: EngineStatus): void {
  const line =
    status.state === 'connected'
      ? `engine: connected to ${status.identity?.name ?? 'engine'} ${status.identity?.version ?? ''} (API ${status.identity?.apiVersion ?? '?'}) at ${status.endpoint?.url ?? '?'}: ${status.endpoint?.why ?? ''}`
      : status.state === 'unreachable'
        ? `engine: unreachable: ${status.reason?.message ?? 'unknown reason'}`
        : null;
  // Retries flip between connecting and unreachable; log only what changed.
  if (line === null || line === lastLogged) return;
  lastLogged = line;
  process.stderr.write(`berth: ${line}\n`);
}

async function api(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { engine: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [name, json] = positionals;
  if (values.help || name === undefined) {
    if (name === undefined) {
      process.stdout.write(describeContract(methods, streams));
      return values.help ? 0 : 2;
    }
    const spec = isMethodName(name) ? methods[name] : isStreamName(name) ? streams[name] : null;
    if (spec === null) throw new BerthError('not_found', `Unknown method or stream "${name}". Run berth api --help for the list.`);
    process.stdout.write(describeEntry(name, spec));
    return 0;
  }
  if (!isMethodName(name) && !isStreamName(name)) {
    throw new BerthError('not_found', `Unknown method or stream "${name}". Run berth api --help for the list.`);
  }
  let params: unknown = {};
  if (json !== undefined) {
    try {
      params = JSON.parse(json);
    } catch (error) {
      throw new BerthError('invalid_argument', `params: not valid JSON (${(error as Error).message}).`, { field: '(params)' });
    }
  }

  const backend = createBackend({ engineUrl: values.engine, autoStartManaged: false, acceptsPaths: true });
  const [hostPort, clientPort] = createPortPair();
  const rpc = serveRpc(hostPort, backend.handlers);
  const client = new BerthClient(clientPort);
  try {
    // A one-shot call answers about the engine Berth settled on, not the "connecting" before it.
    await backend.ready;
    if (!answersWithoutEngine(name)) await backend.engine.whenConnected(10_000);
    if (isMethodName(name)) {
      const result = await client.call(name, params as never);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    return await new Promise<number>((resolve) => {
      const subscription = client.subscribe(name, params as never, {
        onEvent: (event) => process.stdout.write(`${JSON.stringify(event, bytesAsBase64)}\n`),
        onEnd: () => resolve(0),
        onError: (error) => {
          process.stderr.write(`berth: ${error.code}: ${error.message}\n`);
          resolve(1);
        },
      });
      process.once('SIGINT', () => {
        subscription.dispose();
        resolve(0);
      });
    });
  } finally {
    client.dispose();
    rpc.dispose();
    backend.dispose();
  }
}

/** Terminal output is bytes; a JSON line shows them as `{"base64": "..."}` rather than one key per byte. */
function bytesAsBase64(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value;
}

async function engine(args: string[]): Promise<number> {
  const [action] = args;
  const options = { dataDir: defaultDataDir() };
  const print = (status: Awaited<ReturnType<typeof managedEngineStatus>>) => {
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
  };
  switch (action) {
    case 'start':
      print(await startManagedEngine(options));
      return 0;
    case 'stop':
      print(await stopManagedEngine(options));
      return 0;
    case 'status':
      print(await managedEngineStatus(options));
      return 0;
    default:
      process.stderr.write('Usage: berth engine start|stop|status\n');
      return 2;
  }
}

/**
 * Engine status, the list of engines, the registries (Berth's own client, not the engine's), the
 * settings and the notifications answer whether or not the default engine is up; everything else
 * waits for it. Docker Hub search is the engine's.
 */
function answersWithoutEngine(name: string): boolean {
  if (name === 'registries.search') return false;
  return ['engine.', 'engines.', 'registries.', 'settings.', 'notifications.'].some((domain) => name.startsWith(domain));
}
