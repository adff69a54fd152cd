// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManifestView } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { progress } from '../../stores/transferTesting.js';
import { engineEntry, engineStatus, settle, type FakeHost } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { TaskArea } from '../tasks/TaskArea.js';
import { ManifestPane } from './ManifestPane.js';
import { imageManifest, layerDigest } from './registriesTesting.js';

afterEach(cleanup);

const registry = '127.0.0.1:5000';
const reference = '127.0.0.1:5000/team/app:1';
const hostile = '<img src=x onerror=alert(1)>';

function renderPane({ tag = '1', engines = 1 }: { tag?: string; engines?: 0 | 1 | 2 } = {}): { host: FakeHost; onDeleted: ReturnType<typeof vi.fn> } {
  const onDeleted = vi.fn();
  const rendered = renderWithClient(
    <>
      <ManifestPane registry={registry} repository="team/app" reference={tag} onDeleted={onDeleted} />
      <TaskArea />
    </>,
  );
  act(() => {
    const { engine, engines: list } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    if (engines === 0) return;
    list.setEntries(engines === 1 ? [engineEntry()] : [engineEntry(), engineEntry({ engineId: 'engine-3', name: 'podman', isDefault: false })]);
    engine.setStatus(engineStatus());
    if (engines === 2) engine.setStatus(engineStatus({ engineId: 'engine-3' }));
  });
  return { ...rendered, onDeleted };
}

async function showManifest(host: FakeHost, manifest: ManifestView): Promise<void> {
  const call = host.callsOf('registries.manifest').at(-1);
  if (!call) throw new Error('registries.manifest was not called');
  await act(async () => {
    host.reply(call.id, manifest);
    await settle();
  });
}

const pane = () => screen.getByRole('region', { name: `Manifest of ${reference}` });
const fact = (term: string) => within(pane()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Manifest pane', () => {
  it("shows an image's digest, media type, platform, created date, total size and each layer", async () => {
    const { host } = renderPane();
    expect(host.callsOf('registries.manifest').map((call) => call.params)).toEqual([{ registry, repository: 'team/app', reference: '1' }]);
    expect(within(pane()).getByRole('status').textContent).toBe('Reading the manifest…');
    await showManifest(host, imageManifest());
    expect(within(pane()).getByRole('heading', { name: 'team/app:1' })).toBeTruthy();
    expect(fact('Digest')).toBe(layerDigest('d'));
    expect(fact('Media type')).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(fact('OS / architecture')).toBe('linux/amd64');
    expect(fact('Created')).toBe('2024-01-02T03:04:05Z');
    expect(fact('Total size')).toBe('2 MiB (2097664 bytes, compressed)');
    const layers = within(pane()).getByRole('table', { name: 'Layers' });
    const rows = within(layers).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      [layerDigest('1'), '2 MiB', 'application/vnd.oci.image.layer.v1.tar+gzip'],
      [layerDigest('2'), '512 B', 'application/vnd.oci.image.layer.v1.tar+gzip'],
    ]);
    expect(within(pane()).queryByRole('table', { name: 'Platforms' })).toBeNull();
  });

  it("shows an index's platforms, each opening its own manifest", async () => {
    const { host } = renderPane();
    await showManifest(
      host,
      imageManifest({
        kind: 'index',
        mediaType: 'application/vnd.oci.image.index.v1+json',
        layers: undefined,
        totalSizeBytes: undefined,
        created: undefined,
        os: undefined,
        architecture: undefined,
        platforms: [
          { os: 'linux', architecture: 'amd64', digest: layerDigest('a'), sizeBytes: 1024 },
          { os: 'linux', architecture: 'arm64', variant: 'v8', digest: layerDigest('b'), sizeBytes: 2048 },
        ],
      }),
    );
    const platforms = within(pane()).getByRole('table', { name: 'Platforms' });
    const rows = within(platforms).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['linux/amd64', layerDigest('a'), '1 KiB'],
      ['linux/arm64/v8', layerDigest('b'), '2 KiB'],
    ]);
    expect(within(rows[1]!).getByRole('link', { name: layerDigest('b') }).getAttribute('href')).toBe(`#/registries/127.0.0.1%3A5000/team%2Fapp/${encodeURIComponent(layerDigest('b'))}`);
    expect(within(pane()).queryByRole('table', { name: 'Layers' })).toBeNull();
    expect(within(pane()).queryByText('Created')).toBeNull();
  });

  it('shows a manifest of a media type Berth does not know as the raw text the registry sent, never as HTML', async () => {
    const { host } = renderPane();
    const raw = `{"mediaType":"application/x-${hostile}","note":"<script>alert(1)</script>"}`;
    await showManifest(host, imageManifest({ kind: 'unknown', mediaType: `application/x-${hostile}`, layers: undefined, totalSizeBytes: undefined, created: undefined, os: undefined, architecture: undefined, raw }));
    expect(within(pane()).getByText(/^Berth does not know this media type/)).toBeTruthy();
    expect(pane().querySelector('pre')?.textContent).toBe(raw);
    expect(fact('Media type')).toBe(`application/x-${hostile}`);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('says why a manifest cannot be read', async () => {
    const { host } = renderPane();
    await act(async () => {
      host.fail(host.callsOf('registries.manifest')[0]!.id, { code: 'not_found', message: 'team/app:1 is not in 127.0.0.1:5000: no such tag, digest or repository (MANIFEST_UNKNOWN).' });
      await settle();
    });
    expect(within(pane()).getByRole('alert').textContent).toBe('team/app:1 is not in 127.0.0.1:5000: no such tag, digest or repository (MANIFEST_UNKNOWN).');
    expect(within(pane()).queryByText('Reading the manifest…')).toBeNull();
  });
});

describe('Manifest pane actions', () => {
  it('Pull starts the pull as a task on the default engine, with its progress in the task area, and is not started twice', async () => {
    const { host } = renderPane();
    await showManifest(host, imageManifest());
    const pull = within(pane()).getByRole<HTMLButtonElement>('button', { name: `Pull ${reference}` });
    fireEvent.click(pull);
    expect(host.sent.filter((m) => m.kind === 'subscribe')).toMatchObject([{ stream: 'images.pull', params: { reference }, engine: 'engine-1' }]);
    // While it runs, Pull says so rather than starting a second one.
    expect(pull.disabled).toBe(true);
    expect(pull.textContent).toBe('Pulling…');
    const task = screen.getByRole('listitem', { name: `Pull ${reference}` });
    act(() => host.emitTo(host.subscriptionId('images.pull'), progress({ layerCount: 2, layersDone: 1, bytesDone: 1024, bytesTotal: 2048, percent: 50 })));
    expect(within(task).getByRole('progressbar', { name: `Pull of ${reference}` }).getAttribute('value')).toBe('50');
    act(() => host.endStream(host.subscriptionId('images.pull')));
    await act(settle);
    expect(within(task).getByText('Done')).toBeTruthy();
    expect(pull.disabled).toBe(false);
    expect(pull.textContent).toBe('Pull');
  });

  it('Run opens the Run form for this image; with several engines both go to the engine chosen', async () => {
    const { host } = renderPane({ engines: 2 });
    await showManifest(host, imageManifest());
    const run = within(pane()).getByRole('link', { name: `Run ${reference}` });
    expect(run.getAttribute('href')).toBe('#/run?image=127.0.0.1%3A5000%2Fteam%2Fapp%3A1&engine=engine-1');
    fireEvent.change(within(pane()).getByRole('combobox', { name: 'Engine' }), { target: { value: 'engine-3' } });
    expect(run.getAttribute('href')).toBe('#/run?image=127.0.0.1%3A5000%2Fteam%2Fapp%3A1&engine=engine-3');
    fireEvent.click(within(pane()).getByRole('button', { name: `Pull ${reference}` }));
    expect(host.sent.find((m) => m.kind === 'subscribe')).toMatchObject({ stream: 'images.pull', params: { reference }, engine: 'engine-3' });
  });

  it('without a connected engine, Pull waits and says why', async () => {
    const { host } = renderPane({ engines: 0 });
    await showManifest(host, imageManifest());
    expect(within(pane()).getByRole<HTMLButtonElement>('button', { name: `Pull ${reference}` }).disabled).toBe(true);
    expect(within(pane()).getByText('No engine is connected: Pull and Run need one.')).toBeTruthy();
  });

  it('a digest is pulled by digest, and offers no Delete (only tags are deleted)', async () => {
    const digest = layerDigest('d');
    const { host } = renderWithClient(<ManifestPane registry={registry} repository="team/app" reference={digest} onDeleted={() => undefined} />);
    act(() => {
      berthStore.getState().engine.setLink({ state: 'connected' });
      berthStore.getState().engine.setStatus(engineStatus());
    });
    await showManifest(host, imageManifest({ reference: digest }));
    const region = screen.getByRole('region', { name: `Manifest of 127.0.0.1:5000/team/app@${digest}` });
    expect(within(region).getByRole('heading').textContent).toBe('team/app@sha256:dddddddddddd…');
    expect(within(region).queryByRole('button', { name: /^Delete/ })).toBeNull();
    fireEvent.click(within(region).getByRole('button', { name: `Pull 127.0.0.1:5000/team/app@${digest}` }));
    expect(host.sent.find((m) => m.kind === 'subscribe')).toMatchObject({ params: { reference: `127.0.0.1:5000/team/app@${digest}` } });
  });

  it('Delete asks first, naming the digest and what goes with it; a refusal is said as an error and the tag stays', async () => {
    const { host, onDeleted } = renderPane();
    await showManifest(host, imageManifest());
    fireEvent.click(within(pane()).getByRole('button', { name: 'Delete tag team/app:1' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete team/app:1?' });
    expect(dialog.textContent).toContain(layerDigest('d'));
    expect(dialog.textContent).toContain('other tags of the same digest go with it');
    expect(host.callsOf('registries.deleteTag')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('registries.deleteTag')).toEqual([]);

    fireEvent.click(within(pane()).getByRole('button', { name: 'Delete tag team/app:1' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete team/app:1?' })).getByRole('button', { name: 'Delete tag' }));
    expect(host.callsOf('registries.deleteTag').map((call) => call.params)).toEqual([{ registry, repository: 'team/app', tag: '1' }]);
    const deleteButton = within(pane()).getByRole<HTMLButtonElement>('button', { name: 'Delete tag team/app:1' });
    expect(deleteButton.disabled).toBe(true);
    expect(deleteButton.textContent).toBe('Deleting…');
    await act(async () => {
      host.fail(host.callsOf('registries.deleteTag')[0]!.id, { code: 'conflict', message: '127.0.0.1:5000 does not allow deletion (UNSUPPORTED): team/app:1 was left as it is.' });
      await settle();
    });
    expect(within(pane()).getByRole('alert').textContent).toBe('Could not delete team/app:1: 127.0.0.1:5000 does not allow deletion (UNSUPPORTED): team/app:1 was left as it is.');
    expect(onDeleted).not.toHaveBeenCalled();
    expect(deleteButton.disabled).toBe(false);
  });

  it('a deleted tag is gone: the tags are read again and the repository is shown', async () => {
    window.location.hash = '#/registries/127.0.0.1%3A5000/team%2Fapp/1';
    const { host, onDeleted } = renderPane();
    await showManifest(host, imageManifest());
    fireEvent.click(within(pane()).getByRole('button', { name: 'Delete tag team/app:1' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete team/app:1?' })).getByRole('button', { name: 'Delete tag' }));
    await act(async () => {
      host.reply(host.callsOf('registries.deleteTag')[0]!.id, null);
      await settle();
    });
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/registries/127.0.0.1%3A5000/team%2Fapp');
  });
});
