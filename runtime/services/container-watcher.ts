import { toDisposable, type ContainerChangedEvent, type Disposable } from '../api/index.js';
import type { EngineConnection } from '../engine/connection.js';
import type { EngineEvent } from '../engine/json/streams.js';

/** Engine actions that never change what the list shows; skipping them saves a round trip each. */
const ignoredActions = /^(exec_|attach|detach|resize|top|export|archive-path|extract-to-dir|copy|commit)/;

type Summarize = (containerId: string) => Promise<ContainerChangedEvent['container']>;

/**
 * Turns the engine's container events into one fresh summary per changed container. Bursts
 * (`docker run` emits create, network connect, start...) are coalesced: at most one fetch in
 * flight per container and one queued behind it; the list is never refetched for an event.
 */
export class ContainerWatcher implements Disposable {
  private readonly inFlight = new Map<string, { again: boolean; action: string }>();
  private readonly listeners = new Set<(event: ContainerChangedEvent) => void>();
  private readonly subscription: Disposable;

  constructor(
    private readonly engine: Pick<EngineConnection, 'onEngineEvent' | 'status'>,
    private readonly summarize: Summarize,
  ) {
    this.subscription = engine.onEngineEvent((event) => this.onEngineEvent(event));
  }

  onChange(listener: (event: ContainerChangedEvent) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
    this.inFlight.clear();
  }

  private onEngineEvent(event: EngineEvent): void {
    if (event.Type !== 'container' || this.listeners.size === 0) return;
    const action = event.Action.split(':')[0] ?? event.Action;
    if (ignoredActions.test(action)) return;
    const containerId = event.Actor.ID;
    const pending = this.inFlight.get(containerId);
    if (pending) {
      pending.again = true;
      pending.action = event.Action;
      return;
    }
    const entry = { again: false, action: event.Action };
    this.inFlight.set(containerId, entry);
    void this.refresh(containerId, entry);
  }

  private async refresh(containerId: string, entry: { again: boolean; action: string }): Promise<void> {
    const engineId = this.engine.status.engineId;
    for (;;) {
      entry.again = false;
      const action = entry.action;
      let container: ContainerChangedEvent['container'];
      try {
        container = await this.summarize(containerId);
      } catch {
        // The engine went away mid-burst; the reconnect refetches everything anyway.
        break;
      }
      if (this.inFlight.get(containerId) !== entry) return;
      const change: ContainerChangedEvent = { type: 'container', engineId, containerId, action, container };
      for (const listener of this.listeners) listener(change);
      if (!entry.again) break;
    }
    this.inFlight.delete(containerId);
  }
}
