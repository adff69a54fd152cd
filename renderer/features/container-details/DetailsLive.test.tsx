// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsSample } from '../../../runtime/api/index.js';
import { statsSample } from '../stats/statsTesting.js';
import { settle } from '../../testing/fakeHost.js';
import { answer, details, renderDetails } from './detailsTesting.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const MiB = 1024 ** 2;

describe('Processes tab', () => {
  it('fetches top every 2 s only while the tab is open', async () => {
    vi.useFakeTimers();
    const { host } = await renderDetails(details());
    expect(host.callsOf('containers.top')).toHaveLength(0);
    fireEvent.click(screen.getByRole('tab', { name: 'Processes' }));
    await answer(host, 'containers.top', { titles: ['PID', 'CMD'], processes: [['1', 'sleep 3600']] });
    expect(within(screen.getByRole('table', { name: 'Processes' })).getByText('sleep 3600')).toBeTruthy();

    await act(async () => {
      vi.advanceTimersByTime(2_000);
      await settle();
    });
    expect(host.callsOf('containers.top')).toHaveLength(2);
    await answer(host, 'containers.top', { titles: ['PID', 'CMD'], processes: [] });

    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    await act(async () => {
      vi.advanceTimersByTime(10_000);
      await settle();
    });
    expect(host.callsOf('containers.top')).toHaveLength(2);
  });
});

describe('Resources tab', () => {
  const limited = details({ limits: { ...details().limits, memoryBytes: 256 * MiB, cpus: 1, pidsLimit: 100 } });

  it('shows live use against the limits while open, and unsubscribes on leave', async () => {
    const { host } = await renderDetails(limited);
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    const stats = host.subscriptionId('containers.stats');
    const sample: StatsSample = statsSample({ cpuPercent: 50, memoryUsageBytes: 64 * MiB, memoryLimitBytes: 256 * MiB, pids: 3 });
    act(() => host.emit(stats, sample as never));
    expect(screen.getByText('64 MiB (25.0%) · limit 256 MiB')).toBeTruthy();
    expect(screen.getByText('50.0% of one CPU (50.0% of the limit) · limit 1 CPUs')).toBeTruthy();
    expect(screen.getByText('3 · limit 100')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(host.sent.at(-1)).toEqual({ kind: 'unsubscribe', id: stats });
  });

  it('checks fields before sending, then sends only what changed, in bytes', async () => {
    const { host } = await renderDetails(limited);
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    const memory = screen.getByRole<HTMLInputElement>('textbox', { name: 'Memory limit' });
    expect(memory.value).toBe('256m');
    fireEvent.change(memory, { target: { value: '2m' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'CPUs' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    expect(screen.getByText("Memory limit must be at least 6 MiB (the engine's minimum).")).toBeTruthy();
    expect(screen.getByText("CPUs must be at most 2 (the host's CPUs).")).toBeTruthy();
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(host.callsOf('containers.update')).toEqual([]);

    fireEvent.change(memory, { target: { value: '1g' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'CPUs' }), { target: { value: '1.5' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Restart policy' }), { target: { value: 'unless-stopped' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    expect(host.callsOf('containers.update')[0]?.params).toEqual({
      id: limited.id,
      resources: { memoryBytes: 1024 * MiB, cpus: 1.5 },
      restart: { name: 'unless-stopped' },
    });
  });

  it('shows an engine error next to the field it names', async () => {
    const { host } = await renderDetails(limited);
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'CPU set' }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes' }));
    const update = host.callsOf('containers.update')[0];
    await act(async () => {
      host.fail(update!.id, { code: 'invalid_argument', message: 'cpuset 1 is not available', details: { field: 'resources.cpusetCpus' } });
      await settle();
    });
    const field = screen.getByRole('textbox', { name: 'CPU set' });
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain('CPU set: cpuset 1 is not available');
  });
});
