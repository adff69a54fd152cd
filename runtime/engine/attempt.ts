import type { EngineEndpoint, ManagedEngineStatus } from '../api/index.js';
import type { DiscoveryPlan } from './discovery.js';
import type { EndpointAccess } from './endpoint.js';
import { managedEngineStatus, startManagedEngine, stopManagedEngine, type ManagedEngineOptions } from './managed.js';
import { probeEngine, type ProbeResult } from './probe.js';

export type FailedProbe = ProbeResult & { ok: false };

export interface AttemptOptions {
  /** Where to look, in order (see discovery.ts). Called on every attempt: sockets come and go. */
  plan(): Promise<DiscoveryPlan>;
  managed: ManagedEngineOptions;
  /** Start the managed engine when nothing else answers (the desktop default). */
  autoStartManaged: boolean;
  /** What reaching an endpoint takes: client certificates for TLS, ssh options. */
  accessFor?(endpoint: EngineEndpoint): EndpointAccess | undefined;
}

/** One attempt's outcome: the engine to connect to, or the most telling reason there is none. */
export type Attempt =
  | { ok: true; endpoint: EngineEndpoint; managed: ManagedEngineStatus }
  | { ok: false; endpoint: EngineEndpoint | null; failure: FailedProbe; managed: ManagedEngineStatus };

/**
 * Which engine to connect to: the discovery plan's candidates in order, then Berth's managed
 * engine (running, or started when nothing else answers and that is allowed), and what the
 * user chose about the managed engine along the way.
 */
export class AttemptPolicy {
  private managedAutoStartTried = false;
  private preferManaged = false;

  constructor(private readonly options: AttemptOptions) {}

  /** The user started the managed engine: from now on it outranks even an explicit endpoint. */
  async startManagedByUser(): Promise<void> {
    await startManagedEngine(this.options.managed);
    this.preferManaged = true;
  }

  /** The user stopped it: Berth does not start it again by itself. */
  async stopManagedByUser(): Promise<void> {
    this.managedAutoStartTried = true;
    this.preferManaged = false;
    await stopManagedEngine(this.options.managed);
  }

  managedStatus(): Promise<ManagedEngineStatus> {
    return managedEngineStatus(this.options.managed);
  }

  async choose(): Promise<Attempt> {
    const managed = await this.managedStatus();
    const plan = await this.options.plan();
    const managedEndpoint: EngineEndpoint = { url: managed.url, source: 'managed', why: "Berth's managed engine" };
    const failed = (endpoint: EngineEndpoint | null, failure: FailedProbe): Attempt => ({ ok: false, endpoint, failure, managed });
    // Starting the managed engine by hand is a choice that outranks even an explicit endpoint.
    const candidates = this.preferManaged ? [managedEndpoint, ...plan.candidates] : plan.candidates;

    let firstFailure: { endpoint: EngineEndpoint; result: FailedProbe } | null = null;
    for (const endpoint of candidates) {
      const result = await probeEngine(endpoint.url, { access: this.options.accessFor?.(endpoint) });
      if (result.ok) return { ok: true, endpoint, managed };
      // The most telling failure wins: a socket that exists but refuses says more than a missing one.
      if (!firstFailure || (firstFailure.result.reason === 'socket_missing' && result.reason !== 'socket_missing')) {
        firstFailure = { endpoint, result };
      }
    }

    if (!plan.explicit) {
      if (managed.running) return { ok: true, endpoint: managedEndpoint, managed };
      if (this.options.autoStartManaged && managed.available && !this.managedAutoStartTried) {
        this.managedAutoStartTried = true;
        try {
          const started = await startManagedEngine(this.options.managed);
          return { ok: true, endpoint: { ...managedEndpoint, why: 'no other engine answered, so Berth started its managed engine' }, managed: started };
        } catch (error) {
          return failed(managedEndpoint, { ok: false, reason: 'unknown', message: `Berth could not start its managed engine: ${(error as Error).message}` });
        }
      }
    }

    if (plan.problem) return failed(null, { ok: false, reason: 'no_engine', message: plan.problem });
    if (!firstFailure) return failed(null, { ok: false, reason: 'no_engine', message: 'No engine to connect to.' });
    const { endpoint, result } = firstFailure;
    if (!plan.explicit && result.reason === 'socket_missing') {
      const checked = candidates.map((c) => c.url.replace(/^unix:\/\//, '')).join(', ');
      const hint = managed.available ? '' : ` Managed engine: ${managed.unavailableReason ?? 'unavailable'}`;
      return failed(endpoint, { ok: false, reason: 'no_engine', message: `No engine found (checked ${checked}).${hint}` });
    }
    return failed(endpoint, result);
  }
}
