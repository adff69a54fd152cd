// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { statsSample } from './statsTesting.js';
import { TopContainers } from './TopContainers.js';

const MiB = 1024 * 1024;
const running = Array.from({ length: 7 }, (_, index) => container({ id: String(index).repeat(64), name: `c${index}`, state: 'running' }));
const stopped = container({ id: 'f'.repeat(64), name: 'stopped', state: 'exited' });

afterEach(cleanup);

describe('TopContainers', () => {
  it('ranks the five running containers using the most CPU and the most memory, live, from one watch of the running ones', async () => {
    const { host } = renderWithClient(<TopContainers engineIds={['engine-1']} />);
    act(() => {
      const { engine, containers } = berthStore.getState();
      engine.setLink({ state: 'connected' });
      engine.setStatus(engineStatus());
      containers.replaceEngine('engine-1', [...running, stopped]);
    });
    await waitFor(() => expect(host.sent.some((sent) => sent.kind === 'subscribe' && sent.stream === 'stats.watch')).toBe(true));
    const watch = host.sent.find((sent) => sent.kind === 'subscribe' && sent.stream === 'stats.watch');
    if (watch?.kind !== 'subscribe') throw new Error('no watch');
    expect((watch.params as { ids: string[] }).ids.sort()).toEqual(running.map((item) => item.id).sort());
    expect(watch.engine).toBe('engine-1');

    // CPU rises with the index, memory falls with it.
    const samples = running.map((item, index) => ({ id: item.id, sample: statsSample({ cpuPercent: index * 10, memoryUsageBytes: (10 - index) * MiB }) }));
    act(() => host.emitTo(watch.id, { samples }));
    const names = (title: string) => within(screen.getByRole('list', { name: title })).getAllByRole('link').map((link) => link.textContent);
    expect(names('Top by CPU')).toEqual(['c6', 'c5', 'c4', 'c3', 'c2']);
    expect(names('Top by memory')).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(within(screen.getByRole('list', { name: 'Top by CPU' })).getByText('60.0%')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'c6' }).getAttribute('href')).toBe(`#/containers/engine-1/${running[6]?.id}/stats`);

    act(() => host.emitTo(watch.id, { samples: [{ id: running[0]?.id, sample: statsSample({ cpuPercent: 99, memoryUsageBytes: MiB }) }] }));
    expect(names('Top by CPU')[0]).toBe('c0');
    expect(names('Top by memory')).not.toContain('c0');
  });
});
