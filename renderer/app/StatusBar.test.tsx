// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../runtime/api/index.js';
import { berthStore } from '../stores/store.js';
import { engineEntry, engineStatus, settle } from '../testing/fakeHost.js';
import { renderWithClient } from '../testing/renderWithClient.js';
import { StatusBar } from './StatusBar.js';

afterEach(cleanup);

function show(status: EngineStatus) {
  act(() => {
    berthStore.getState().engine.setLink({ state: 'connected' });
    berthStore.getState().engine.setStatus(status);
  });
}

describe('status bar', () => {
  it('names the engine, its versions and where it was found', () => {
    renderWithClient(<StatusBar />);
    show(engineStatus());
    const bar = screen.getByRole('status', { name: 'Engine status' });
    expect(bar.textContent).toContain('Connected');
    expect(bar.textContent).toContain('Docker Engine 27.5.1 · API 1.47');
    expect(within(bar).getByText('unix:///var/run/docker.sock')).toBeTruthy();
    expect(within(bar).getByText('(The default socket exists.)')).toBeTruthy();
  });

  it('says precisely why the engine is unreachable and when it retries', () => {
    renderWithClient(<StatusBar />);
    show(engineStatus({ state: 'unreachable', identity: undefined, retryInMs: 4_000, reason: { code: 'socket_missing', message: 'No socket at /var/run/docker.sock.' } }));
    const bar = screen.getByRole('status', { name: 'Engine status' });
    expect(bar.textContent).toContain('Unreachable');
    expect(bar.textContent).toContain('No socket at /var/run/docker.sock.');
    expect(bar.textContent).toContain('retrying in 4s');
  });

  it('says it is reconnecting while the link to Berth is down', () => {
    renderWithClient(<StatusBar />);
    act(() => berthStore.getState().engine.setLink({ state: 'reconnecting', retryInMs: 500 }));
    expect(screen.getByRole('status', { name: 'Engine status' }).textContent).toBe('Reconnecting to Berth…');
  });

  it('starts the managed engine and shows why it could not', async () => {
    const { host } = renderWithClient(<StatusBar />);
    show(engineStatus({ managed: { available: true, running: false, url: 'unix:///tmp/berth.sock' } }));
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Start managed engine' });
    fireEvent.click(button);
    expect(button.disabled).toBe(true);
    const [call] = host.callsOf('engine.startManaged');
    await act(async () => {
      host.fail(call!.id, { code: 'internal', message: 'dockerd exited with status 1.' });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toContain('Could not start the managed engine: dockerd exited with status 1.');
    expect(button.disabled).toBe(false);
  });

  it('offers to stop a running managed engine', () => {
    renderWithClient(<StatusBar />);
    show(engineStatus({ managed: { available: true, running: true, url: 'unix:///tmp/berth.sock' } }));
    expect(screen.getByText('Managed engine running')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop managed engine' })).toBeTruthy();
  });

  it('keeps showing the default engine, and counts the engines with a link to their page when there are several', () => {
    renderWithClient(<StatusBar />);
    show(engineStatus());
    const bar = screen.getByRole('status', { name: 'Engine status' });
    expect(within(bar).queryByRole('link')).toBeNull();
    act(() => {
      berthStore.getState().engine.setStatus(engineStatus({ engineId: 'engine-2', endpoint: { url: 'tcp://127.0.0.1:2376', source: 'flag', why: 'added by you' } }));
      berthStore.getState().engines.setEntries([
        engineEntry(),
        engineEntry({ engineId: 'engine-2', name: 'tls', isDefault: false }),
        engineEntry({ engineId: 'engine-3', name: 'podman', isDefault: false, state: 'disconnected' }),
      ]);
    });
    expect(within(bar).getByText('unix:///var/run/docker.sock')).toBeTruthy();
    expect(within(bar).queryByText('tcp://127.0.0.1:2376')).toBeNull();
    expect(within(bar).getByRole('link', { name: '3 engines' }).getAttribute('href')).toBe('#/engines');
  });
});
