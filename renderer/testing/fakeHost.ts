import {
  toDisposable,
  type BerthEvent,
  type ContainerSummary,
  type EngineEntry,
  type EngineStatus,
  type Envelope,
  type ImageSummary,
  type NetworkAttachment,
  type NetworkSummary,
  type Port,
  type WireError,
} from '../../runtime/api/index.js';

type Sent = Extract<Envelope, { kind: 'call' | 'cancel' | 'subscribe' | 'unsubscribe' }>;

/**
 * An in-memory Berth host for unit tests: records what the client sends and answers only when
 * the test says so, so every interleaving (an event during a call in flight) can be staged.
 */
export class FakeHost {
  readonly sent: Sent[] = [];
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly closeListeners = new Set<() => void>();

  readonly port: Port = {
    send: (message) => {
      this.sent.push(message as Sent);
    },
    onMessage: (listener) => {
      this.messageListeners.add(listener);
      return toDisposable(() => this.messageListeners.delete(listener));
    },
    onClose: (listener) => {
      this.closeListeners.add(listener);
      return toDisposable(() => this.closeListeners.delete(listener));
    },
  };

  /** The calls of one method, in order. */
  callsOf(method: string): Extract<Sent, { kind: 'call' }>[] {
    return this.sent.filter((m): m is Extract<Sent, { kind: 'call' }> => m.kind === 'call' && m.method === method);
  }

  /** The id of the last subscription to `stream`. */
  subscriptionId(stream: string): number {
    const found = this.sent.filter((m) => m.kind === 'subscribe' && m.stream === stream).at(-1);
    if (!found) throw new Error(`No subscription to ${stream}.`);
    return found.id;
  }

  reply(id: number, result: unknown): void {
    this.deliver({ kind: 'result', id, result });
  }

  fail(id: number, error: WireError): void {
    this.deliver({ kind: 'error', id, error });
  }

  emit(id: number, ...events: BerthEvent[]): void {
    this.deliver({ kind: 'event', id, events });
  }

  /** Events of any stream (terminal output, pull progress), batched as the host batches them. */
  emitTo(id: number, ...events: unknown[]): void {
    this.deliver({ kind: 'event', id, events });
  }

  /** Ends a stream normally. */
  endStream(id: number): void {
    this.deliver({ kind: 'end', id });
  }

  close(): void {
    for (const listener of [...this.closeListeners]) listener();
  }

  private deliver(message: Envelope): void {
    for (const listener of [...this.messageListeners]) listener(message);
  }
}

/** Lets promise callbacks (the client's resolutions) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export function engineStatus(overrides: Partial<EngineStatus> = {}): EngineStatus {
  return {
    engineId: 'engine-1',
    state: 'connected',
    endpoint: { url: 'unix:///var/run/docker.sock', source: 'default_socket', why: 'The default socket exists.' },
    identity: { name: 'Docker Engine', version: '27.5.1', apiVersion: '1.47', os: 'linux', arch: 'amd64', cpus: 2, memoryBytes: 2 ** 33 },
    managed: { available: false, running: false, url: 'unix:///tmp/berth/docker.sock' },
    ...overrides,
  };
}

export function container(overrides: Partial<ContainerSummary> = {}): ContainerSummary {
  const id = overrides.id ?? 'a'.repeat(64);
  return {
    engineId: 'engine-1',
    id,
    name: 'web',
    image: 'busybox:latest',
    imageId: 'sha256:' + 'b'.repeat(64),
    command: 'sleep 3600',
    created: 1_700_000_000,
    state: 'running',
    status: 'Up 3 minutes',
    exitCode: null,
    ports: [],
    labels: {},
    ...overrides,
  };
}

export function image(overrides: Partial<ImageSummary> = {}): ImageSummary {
  return {
    engineId: 'engine-1',
    id: 'sha256:' + 'c'.repeat(64),
    repoTags: ['busybox:latest'],
    repoDigests: [],
    created: 1_700_000_000,
    sizeBytes: 4_400_000,
    ...overrides,
  };
}

/** One row of the engines list for tests: a connected Docker engine named `local`, the default. */
export function engineEntry(overrides: Partial<EngineEntry> = {}): EngineEntry {
  return {
    engineId: 'engine-1',
    name: 'local',
    color: '#2563eb',
    url: 'unix:///var/run/docker.sock',
    source: 'default_socket',
    why: 'the default Docker socket',
    isDefault: true,
    enabled: true,
    state: 'connected',
    identity: { name: 'Docker Engine', version: '27.5.1', apiVersion: '1.47', os: 'linux', arch: 'amd64', cpus: 2, memoryBytes: 2 ** 33 },
    latency: { medianMs: 2.5, maxMs: 14, samples: 12 },
    ...overrides,
  };
}

/** A user-defined bridge network of engine-1 for tests. */
export function network(overrides: Partial<NetworkSummary> = {}): NetworkSummary {
  return {
    engineId: 'engine-1',
    id: 'd'.repeat(64),
    name: 'app-net',
    driver: 'bridge',
    scope: 'local',
    created: '2026-11-30T10:00:00.000000000Z',
    internal: false,
    attachable: false,
    ipv6: false,
    subnets: [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', ipRange: null }],
    ipamDriver: 'default',
    options: {},
    labels: {},
    predefined: false,
    ...overrides,
  };
}

/** The `web` container on the `app-net` network, running, for tests. */
export function attachment(overrides: Partial<NetworkAttachment> = {}): NetworkAttachment {
  return {
    networkId: 'd'.repeat(64),
    networkName: 'app-net',
    containerId: 'a'.repeat(64),
    containerName: 'web',
    containerState: 'running',
    ipv4Address: '10.1.0.2',
    ipv6Address: null,
    macAddress: '02:42:0a:01:00:02',
    fixedIpv4Address: null,
    fixedIpv6Address: null,
    ...overrides,
  };
}
