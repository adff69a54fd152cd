// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineEntry, engineStatus, image } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ImagesPage } from './ImagesPage.js';

// The same image (same id, same tag) on two engines: two rows, one per engine.
const busyboxId = 'sha256:' + '4'.repeat(64);
const onLocal = image({ engineId: 'engine-1', id: busyboxId, repoTags: ['busybox:latest'] });
const onPodman = image({ engineId: 'engine-3', id: busyboxId, repoTags: ['busybox:latest'] });

function twoEngines() {
  act(() => {
    const { engine, engines, images, containers } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engines.setEntries([engineEntry(), engineEntry({ engineId: 'engine-3', name: 'podman', isDefault: false })]);
    engine.setStatus(engineStatus());
    engine.setStatus(engineStatus({ engineId: 'engine-3' }));
    images.replaceEngine('engine-1', [onLocal]);
    images.replaceEngine('engine-3', [onPodman]);
    containers.replaceEngine('engine-3', [container({ engineId: 'engine-3', imageId: busyboxId })]);
  });
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Images page with several engines', () => {
  it('shows each engine\'s copy of an image as its own row, tagged, counting only that engine\'s containers', () => {
    renderWithClient(<ImagesPage />);
    twoEngines();
    const rows = screen.getAllByRole('row', { name: 'busybox:latest' });
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent).sort()).toEqual(['local', 'podman']);
    const podmanRow = rows.find((row) => row.textContent?.includes('podman'));
    const localRow = rows.find((row) => !row.textContent?.includes('podman'));
    expect(within(podmanRow!).getByRole('cell', { name: 'Used by 1 container' })).toBeTruthy();
    expect(within(localRow!).getByRole('cell', { name: 'Used by 0 containers' })).toBeTruthy();
    // Run opens the form on the row's engine; Remove goes there too.
    expect(within(podmanRow!).getByRole('link', { name: 'Run busybox:latest' }).getAttribute('href')).toBe('#/run?image=busybox%3Alatest&engine=engine-3');
  });

  it('removes from the row\'s engine only, and filters by engine', () => {
    const { host } = renderWithClient(<ImagesPage />);
    twoEngines();
    fireEvent.change(screen.getByRole('combobox', { name: 'Engine' }), { target: { value: 'engine-3' } });
    expect(screen.getAllByRole('row', { name: 'busybox:latest' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove busybox:latest' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(host.callsOf('images.remove').map((call) => [call.engine, call.params])).toEqual([['engine-3', { id: 'busybox:latest', force: false }]]);
  });
});
