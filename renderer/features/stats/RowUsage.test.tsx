// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ContainersPage } from '../containers/ContainersPage.js';
import { statsSample } from './statsTesting.js';

const MiB = 1024 * 1024;
const running = Array.from({ length: 60 }, (_, index) =>
  container({ id: String(index).padStart(2, '0').repeat(32), name: `svc-${String(index).padStart(2, '0')}`, state: 'running', created: 1000 - index }),
);
const exited = container({ id: 'e'.repeat(64), name: 'aaa-exited', state: 'exited', status: 'Exited (0)', created: 2000 });

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  fireEvent(document, new Event('visibilitychange'));
}

beforeAll(() => giveElementsAHeight(440));
afterEach(() => {
  cleanup();
  setVisibility('visible');
});

describe('CPU and memory bars in the Containers list', () => {
  it('watches only the running rows in view, in one subscription, shows their bars, and stops while the page is hidden', async () => {
    const { host } = renderWithClient(<ContainersPage />);
    act(() => {
      const { engine, containers } = berthStore.getState();
      engine.setLink({ state: 'connected' });
      engine.setStatus(engineStatus());
      containers.replaceEngine('engine-1', [exited, ...running]);
    });
    await waitFor(() => expect(host.sent.some((sent) => sent.kind === 'subscribe' && sent.stream === 'stats.watch')).toBe(true));
    const watches = host.sent.filter((sent) => sent.kind === 'subscribe' && sent.stream === 'stats.watch');
    expect(watches).toHaveLength(1);
    const watch = watches[0];
    if (watch?.kind !== 'subscribe') throw new Error('no watch');
    const ids = (watch.params as { ids: string[] }).ids;
    // 440 px of 44 px rows: about ten rows in view, the exited one among them but not watched.
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.length).toBeLessThan(15);
    expect(ids).not.toContain(exited.id);
    expect(ids).toContain(running[0]?.id);
    expect(watch.engine).toBe('engine-1');

    act(() => host.emitTo(watch.id, { samples: [{ id: running[0]?.id, sample: statsSample({ cpuPercent: 42.5, memoryUsageBytes: 12 * MiB, memoryLimitBytes: 16 * MiB }) }] }));
    const row = screen.getByRole('row', { name: 'svc-00' });
    expect(within(row).getByRole('meter', { name: 'CPU use of svc-00' }).getAttribute('value')).toBe('42.5');
    expect(within(row).getByText('42.5%')).toBeTruthy();
    expect(within(row).getByRole('meter', { name: 'Memory use of svc-00' }).getAttribute('max')).toBe(String(16 * MiB));
    expect(within(screen.getByRole('row', { name: 'aaa-exited' })).queryByRole('meter')).toBeNull();

    act(() => setVisibility('hidden'));
    expect(host.sent.at(-1)).toEqual({ kind: 'unsubscribe', id: watch.id });
    act(() => setVisibility('visible'));
    await waitFor(() => expect(host.subscriptionId('stats.watch')).not.toBe(watch.id));
  });
});
