// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SystemDiskUsage, SystemInfo } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { container, engineEntry, engineStatus, settle } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { DashboardPage } from './DashboardPage.js';

const info: SystemInfo = {
  engineId: 'engine-1',
  hostName: 'host',
  operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  osType: 'linux',
  kernelVersion: '6.1.0',
  architecture: 'x86_64',
  cpus: 2,
  memoryBytes: 2 ** 33,
  storageDriver: 'overlay2',
  cgroupVersion: '2',
  cgroupDriver: 'systemd',
  rootless: false,
  securityOptions: ['name=seccomp,profile=default'],
  containers: { total: 2, running: 1, paused: 0, stopped: 1 },
  images: 1,
};

const totals = (sizeBytes: number, reclaimableBytes: number, reclaimablePercent: number | null) => ({ total: 2, active: 1, sizeBytes, reclaimableBytes, reclaimablePercent });
const usage: SystemDiskUsage = {
  engineId: 'engine-1',
  images: totals(2291522, 2036000, 88),
  containers: totals(46080, 33790, 73),
  volumes: totals(204800, 126000, 61),
  buildCache: totals(20660, 20660, null),
  items: null,
};

afterEach(cleanup);

describe('Dashboard', () => {
  it('shows the facts and live totals at once, the disk usage loading until the engine has measured it', async () => {
    const { host } = renderWithClient(<DashboardPage />);
    act(() => {
      const { engine, engines, containers } = berthStore.getState();
      engine.setLink({ state: 'connected' });
      engine.setStatus(engineStatus());
      engines.setEntries([engineEntry()]);
      containers.replaceEngine('engine-1', [container({ id: 'a'.repeat(64), state: 'running' }), container({ id: 'b'.repeat(64), name: 'old', state: 'exited' })]);
    });
    const [infoCall] = host.callsOf('system.info');
    const [dfCall] = host.callsOf('system.df');
    expect(infoCall).toBeDefined();
    expect(dfCall).toBeDefined();
    await act(async () => {
      host.reply(infoCall!.id, info);
      await settle();
    });
    const facts = screen.getByRole('region', { name: 'Engine facts' });
    expect(within(facts).getByText('overlay2')).toBeTruthy();
    expect(within(facts).getByText('Docker Engine 27.5.1 (API 1.47)')).toBeTruthy();
    expect(within(facts).getByText('v2, systemd driver')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Totals' })).getByText('2 (1 running, 1 exited)')).toBeTruthy();
    expect(screen.getByText(/Loading disk usage/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Top containers' })).toBeTruthy();

    await act(async () => {
      host.reply(dfCall!.id, usage);
      await settle();
    });
    const images = screen.getByRole('row', { name: 'Images' });
    expect(within(images).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2', '1', '2.292MB', '2.036MB (88%)', 'Prune…']);
    expect(within(screen.getByRole('row', { name: 'Build Cache' })).getAllByRole('cell')[3]?.textContent).toBe('20.66kB');
    expect(screen.queryByText(/Loading disk usage/)).toBeNull();
  });
});
