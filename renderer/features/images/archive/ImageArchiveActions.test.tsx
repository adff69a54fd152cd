// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../../stores/store.js';
import { engineEntry, engineStatus, image, settle } from '../../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../../testing/renderWithClient.js';
import { ImagesPage } from '../ImagesPage.js';

// Save… and Load… on the Images page as the desktop app runs them (the backend's dialogs ask
// for the file; progress comes as the streams' events). The browser's download and upload are
// driven end to end in e2e/specs/image-archive.spec.ts.

function twoEngines() {
  act(() => {
    const { engine, engines, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engines.setEntries([engineEntry(), engineEntry({ engineId: 'engine-3', name: 'podman', isDefault: false })]);
    engine.setStatus(engineStatus());
    engine.setStatus(engineStatus({ engineId: 'engine-3' }));
    images.replaceEngine('engine-1', [
      image({ engineId: 'engine-1', id: 'sha256:' + '1'.repeat(64), repoTags: ['app:1', 'app:latest'] }),
      image({ engineId: 'engine-1', id: 'sha256:' + '2'.repeat(64), repoTags: [] }),
    ]);
    images.replaceEngine('engine-3', [image({ engineId: 'engine-3', id: 'sha256:' + '3'.repeat(64), repoTags: ['busybox:latest'] })]);
  });
}

beforeAll(() => giveElementsAHeight());
beforeEach(() => {
  // The desktop app's preload bridge: its presence is what makes the page use the dialogs.
  Object.assign(window, { berth: { send: () => undefined, onMessage: () => () => undefined } });
});
afterEach(() => {
  cleanup();
  delete (window as { berth?: unknown }).berth;
});

describe('Save… and Load… in the desktop app', () => {
  it('saves the images chosen, of one engine, with progress, then says where', async () => {
    const { host } = renderWithClient(<ImagesPage />);
    twoEngines();
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save images to a tar file' });
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Save app:1 (local)' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Save image 222222222222/ }));
    // Another engine's image cannot join a save of these.
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Save busybox:latest (podman)' }).disabled).toBe(true);
    fireEvent.click(save);
    expect(screen.queryByRole('dialog')).toBeNull();

    const id = host.subscriptionId('images.save');
    const subscribed = host.sent.find((message) => message.kind === 'subscribe' && message.id === id);
    expect(subscribed).toMatchObject({ params: { ids: ['app:1', 'sha256:' + '2'.repeat(64)] }, engine: 'engine-1' });
    act(() => host.emitTo(id, { type: 'started', path: '/home/u/images.tar', totalBytes: 2 * 1024 * 1024, isEstimate: true }, { type: 'progress', bytes: 1024 * 1024 }));
    const bar = screen.getByRole('progressbar', { name: 'Saving images' });
    expect(bar.getAttribute('value')).toBe(String(1024 * 1024));
    expect(screen.getByText('Saving 1 MiB of about 2 MiB')).toBeTruthy();
    act(() => host.emitTo(id, { type: 'saved', path: '/home/u/images.tar', bytes: 2 * 1024 * 1024 }));
    await act(settle);
    expect(screen.getByRole('status', { name: 'Save and load' }).textContent).toContain('Saved app:1, image 222222222222 (2 MiB) to /home/u/images.tar');
  });

  it('Cancel save unsubscribes; a failed save is said next to the action', async () => {
    const { host } = renderWithClient(<ImagesPage />);
    twoEngines();
    const start = () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
      fireEvent.click(screen.getByRole('checkbox', { name: 'Save app:latest (local)' }));
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
      return host.subscriptionId('images.save');
    };
    const first = start();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel save' }));
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: first });
    expect(screen.queryByRole('progressbar')).toBeNull();

    const second = start();
    act(() => host.fail(second, { code: 'invalid_argument', message: 'path: cannot write /ro/x.tar: that file system is read-only.' }));
    await act(settle);
    expect(screen.getByRole('alert').textContent).toContain('Could not save app:latest: path: cannot write /ro/x.tar: that file system is read-only.');
  });

  it('loads into the engine the page is filtered to, with progress, and names what was loaded', async () => {
    const { host } = renderWithClient(<ImagesPage />);
    twoEngines();
    fireEvent.change(screen.getByRole('combobox', { name: 'Engine' }), { target: { value: 'engine-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load…' }));
    const id = host.subscriptionId('images.load');
    expect(host.sent.find((message) => message.kind === 'subscribe' && message.id === id)).toMatchObject({ params: {}, engine: 'engine-3' });
    expect(screen.getByText('Choose an archive to load…')).toBeTruthy();
    act(() => host.emitTo(id, { type: 'started', path: '/x.tar', totalBytes: 4096, isEstimate: false }, { type: 'progress', bytes: 2048 }));
    expect(screen.getByText('Loading 2 KiB of 4 KiB')).toBeTruthy();
    act(() => host.emitTo(id, { type: 'loaded', path: '/x.tar', bytes: 4096, references: ['app:2'], ids: [] }));
    await act(settle);
    expect(screen.getByRole('status', { name: 'Save and load' }).textContent).toContain('Loaded app:2');
    // A cancelled open dialog leaves nothing behind.
    fireEvent.click(screen.getByRole('button', { name: 'Load…' }));
    act(() => host.emitTo(host.subscriptionId('images.load'), { type: 'loaded', path: null, bytes: 0, references: [], ids: [] }));
    await act(settle);
    expect(screen.queryByRole('status', { name: 'Save and load' })).toBeNull();
  });
});
