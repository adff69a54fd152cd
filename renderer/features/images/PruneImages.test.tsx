// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImagePrunePreview } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { engineStatus, image, settle, type FakeHost } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ImagesPage } from './ImagesPage.js';
import { pruneOutcome } from './usePruneImages.js';

const old = image({ id: `sha256:${'1'.repeat(64)}`, repoTags: [], created: 1_700_000_000, sizeBytes: 3_000_000 });
const preview: ImagePrunePreview = {
  images: [
    { id: old.id, repoTags: [], repoDigests: [], created: 1_700_000_000, sizeBytes: 3_000_000 },
    { id: `sha256:${'2'.repeat(64)}`, repoTags: ['app:1'], repoDigests: [], created: 1_700_000_100, sizeBytes: 3_500_000 },
  ],
  intermediateIds: [`sha256:${'3'.repeat(64)}`],
  untaggedOnly: [],
  spaceBytes: 1_048_576,
};

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

function openPrune(): FakeHost {
  const { host } = renderWithClient(<ImagesPage />);
  act(() => {
    const { engine, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    images.replaceEngine('engine-1', [old]);
  });
  fireEvent.click(screen.getByRole('button', { name: 'Prune…' }));
  return host;
}

async function answerPreview(host: FakeHost, params: unknown, result: ImagePrunePreview): Promise<void> {
  await waitFor(() => expect(host.callsOf('images.prunePreview').at(-1)?.params).toEqual(params));
  const call = host.callsOf('images.prunePreview').at(-1);
  await act(async () => {
    host.reply(call!.id, result);
    await settle();
  });
}

describe('Prune images', () => {
  it('lists what would go and the space before deleting anything, then says what the engine reclaimed', async () => {
    const host = openPrune();
    const dialog = screen.getByRole('dialog', { name: 'Prune images' });
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Delete' }).disabled).toBe(true);
    await answerPreview(host, { all: false, filters: [] }, { images: [], intermediateIds: [], untaggedOnly: [], spaceBytes: 0 });
    expect(within(dialog).getByText('Nothing to prune: no image matches.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('radio', { name: /All unused images/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Filters (optional)' }), { target: { value: 'label=team=web' } });
    await answerPreview(host, { all: true, filters: ['label=team=web'] }, preview);
    const list = within(dialog).getByRole('table', { name: 'Images that would be deleted' });
    expect(within(list).getAllByRole('row')).toHaveLength(3);
    expect(within(list).getByText('app:1')).toBeTruthy();
    expect(within(list).getByText('<none> 111111111111')).toBeTruthy();
    expect(dialog.textContent).toContain('freeing about 1 MiB');
    expect(host.callsOf('images.prune')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete 2 images' }));
    const prune = host.callsOf('images.prune').at(-1);
    expect(prune?.params).toEqual({ all: true, filters: ['label=team=web'] });
    await act(async () => {
      host.reply(prune!.id, { untagged: ['app:1'], deleted: [old.id, preview.images[1]!.id, preview.intermediateIds[0], `sha256:${'9'.repeat(64)}`], spaceReclaimedBytes: 1_048_576 });
      await settle();
    });
    expect(screen.getByRole('status').textContent).toBe('Deleted 2 images (and 1 intermediate build image) and untagged 1 tag, reclaimed 1 MiB.');
  });

  it('names a filter the engine would refuse, and asks nothing until it is fixed', async () => {
    const host = openPrune();
    const dialog = screen.getByRole('dialog', { name: 'Prune images' });
    await answerPreview(host, { all: false, filters: [] }, { images: [], intermediateIds: [], untaggedOnly: [], spaceBytes: 0 });
    const calls = host.callsOf('images.prunePreview').length;
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Filters (optional)' }), { target: { value: 'dangling=true' } });
    expect(within(dialog).getByText(/dangling is chosen by "all"/)).toBeTruthy();
    expect(within(dialog).getByRole('textbox', { name: 'Filters (optional)' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Delete' }).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Filters (optional)' }), { target: { value: 'label=x' } });
    await answerPreview(host, { all: false, filters: ['label=x'] }, { images: [], intermediateIds: [], untaggedOnly: [], spaceBytes: 0 });
    // The refused words never reached the backend.
    expect(host.callsOf('images.prunePreview').slice(calls).map((call) => call.params)).toEqual([{ all: false, filters: ['label=x'] }]);
  });

  it('counts only the images among what the engine deleted (its list names layers too)', () => {
    expect(pruneOutcome({ untagged: [], deleted: ['a', 'layer'], spaceReclaimedBytes: 0 }, { images: new Set(['a']), intermediate: new Set() })).toBe('Deleted 1 image, reclaimed 0 B.');
  });

  it('says which tags go though their image stays, as the engine untags an image a container uses', async () => {
    const host = openPrune();
    const dialog = screen.getByRole('dialog', { name: 'Prune images' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /All unused images/ }));
    await answerPreview(host, { all: true, filters: [] }, { images: [], intermediateIds: [], untaggedOnly: [{ id: old.id, references: ['app:1', 'app:2'] }], spaceBytes: 0 });
    expect(within(dialog).getByRole('list', { name: 'Tags that would be removed' }).textContent).toContain('app:1, app:2');
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Remove the tags' }).disabled).toBe(false);
  });
});
