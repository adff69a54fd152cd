import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { BerthClient, toDisposable, type Envelope, type ImageSummary, type Port, type TransferProgress, type WireError } from '../../../runtime/api/index.js';
import { ClientSourceContext } from '../../app/connectionContext.js';
import { berthStore } from '../../stores/store.js';
import { FakeHost, settle } from '../../testing/fakeHost.js';

/**
 * Test support for the Run page. FakeHost emits only `events` stream events and cannot end a
 * stream; a pull needs both, so this wraps its port and delivers those messages itself.
 */
export class RunHost extends FakeHost {
  private readonly streamListeners = new Set<(message: unknown) => void>();

  readonly runPort: Port = {
    send: (message) => this.port.send(message),
    onMessage: (listener) => {
      const inner = this.port.onMessage(listener);
      this.streamListeners.add(listener);
      return toDisposable(() => {
        inner.dispose();
        this.streamListeners.delete(listener);
      });
    },
  };

  emitPull(id: number, ...events: TransferProgress[]): void {
    this.deliverStream({ kind: 'event', id, events });
  }

  end(id: number): void {
    this.deliverStream({ kind: 'end', id });
  }

  /** The `index`-th call of a method (0-based), once the page has made it. */
  async nthCall(method: string, index: number): Promise<{ id: number; params: unknown }> {
    await waitFor(() => {
      if (this.callsOf(method).length <= index) throw new Error(`${method} call ${index + 1} not made yet`);
    });
    const call = this.callsOf(method)[index];
    if (!call) throw new Error('unreachable');
    return call;
  }

  /** Answers a call and lets the page react. */
  async answer(id: number, result: unknown): Promise<void> {
    await act(async () => {
      this.reply(id, result);
      await settle();
    });
  }

  /** Fails a call and lets the page react. */
  async answerError(id: number, error: WireError): Promise<void> {
    await act(async () => {
      this.fail(id, error);
      await settle();
    });
  }

  private deliverStream(message: Envelope): void {
    act(() => {
      for (const listener of [...this.streamListeners]) listener(message);
    });
  }
}

export function image(repoTag: string): ImageSummary {
  return { engineId: 'engine-1', id: 'sha256:' + 'e'.repeat(64), repoTags: [repoTag], repoDigests: [], created: 0, sizeBytes: 0 };
}

/** Renders against a fresh store holding `images` (as the events stream would) and a RunHost. */
export async function renderRun(ui: ReactElement, images: ImageSummary[] = []): Promise<RenderResult & { host: RunHost }> {
  berthStore.setState(berthStore.getInitialState(), true);
  const host = new RunHost();
  const client = new BerthClient(host.runPort);
  act(() => berthStore.getState().images.replaceEngine('engine-1', images));
  const result = render(<ClientSourceContext value={() => client}>{ui}</ClientSourceContext>);
  await settle();
  return { ...result, host };
}
