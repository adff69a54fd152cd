// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus, image, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ImagesPage } from './ImagesPage.js';

const nowSeconds = Math.floor(Date.now() / 1000);
const busybox = image({ id: 'sha256:0123456789ab' + '1'.repeat(52), repoTags: ['busybox:latest', 'mine/busybox:1'], created: nowSeconds - 3 * 3600, sizeBytes: 4_404_019 });
const dangling = image({ id: 'sha256:abcdef012345' + '2'.repeat(52), repoTags: [], created: nowSeconds - 60, sizeBytes: 1024 });
const alpine = image({ id: 'sha256:' + '3'.repeat(64), repoTags: ['alpine:3.19'], created: nowSeconds - 40 * 24 * 3600 });

function connectedWith(...list: ImageSummary[]) {
  act(() => {
    const { engine, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    images.replaceEngine('engine-1', list);
  });
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Images page', () => {
  it('shows one row per tag, newest image first, with short id, size and age', () => {
    renderWithClient(<ImagesPage />);
    connectedWith(busybox, dangling, alpine);
    expect(screen.getByRole('heading', { level: 1, name: 'Images' })).toBeTruthy();
    expect(screen.getByText('4 images')).toBeTruthy();
    const names = screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('aria-label'));
    expect(names).toEqual(['image abcdef012345', 'busybox:latest', 'mine/busybox:1', 'alpine:3.19']);

    const latest = screen.getByRole('row', { name: 'busybox:latest' });
    expect(within(latest).getByText('0123456789ab')).toBeTruthy();
    expect(within(latest).getByText('4.2 MiB')).toBeTruthy();
    expect(within(latest).getByText('3 hours ago')).toBeTruthy();
    const untagged = screen.getByRole('row', { name: 'image abcdef012345' });
    expect(within(untagged).getByText('<none>')).toBeTruthy();
    expect(within(untagged).getByText('1 KiB')).toBeTruthy();
  });

  it('counts the containers that use each image, live from the container list', () => {
    renderWithClient(<ImagesPage />);
    connectedWith(busybox, alpine);
    act(() =>
      berthStore.getState().containers.replaceEngine('engine-1', [
        container({ id: '1'.repeat(64), imageId: busybox.id }),
        container({ id: '2'.repeat(64), imageId: busybox.id, state: 'exited' }),
      ]),
    );
    expect(within(screen.getByRole('row', { name: 'busybox:latest' })).getByRole('cell', { name: 'Used by 2 containers' }).textContent).toBe('2');
    expect(within(screen.getByRole('row', { name: 'alpine:3.19' })).getByRole('cell', { name: 'Used by 0 containers' }).textContent).toBe('0');
  });

  it('links each row to the Run form for that image: the tag, or the id when untagged', () => {
    renderWithClient(<ImagesPage />);
    connectedWith(busybox, dangling);
    expect(screen.getByRole('link', { name: 'Run mine/busybox:1' }).getAttribute('href')).toBe('#/run?image=mine%2Fbusybox%3A1');
    expect(screen.getByRole('link', { name: 'Run image abcdef012345' }).getAttribute('href')).toBe(`#/run?image=${encodeURIComponent(dangling.id)}`);
    expect(screen.getByRole('link', { name: 'Run container' }).getAttribute('href')).toBe('#/run');
  });

  it('renders a hostile tag as text, never as HTML', () => {
    const tag = '<img src=x onerror=alert(1)>:latest';
    renderWithClient(<ImagesPage />);
    connectedWith(image({ repoTags: [tag] }));
    expect(within(screen.getByRole('row', { name: tag })).getByText(tag)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('filters by name as the user types and says when nothing matches', () => {
    renderWithClient(<ImagesPage />);
    connectedWith(busybox, alpine);
    const filter = screen.getByRole('searchbox', { name: 'Filter images' });
    fireEvent.change(filter, { target: { value: 'ALPINE' } });
    expect(screen.getByText('1 of 3 images')).toBeTruthy();
    expect(screen.queryByRole('row', { name: 'busybox:latest' })).toBeNull();
    fireEvent.change(filter, { target: { value: 'postgres' } });
    expect(screen.getByText('No images match')).toBeTruthy();
  });

  it('says why there is no list while the engine is unreachable, and while loading', () => {
    renderWithClient(<ImagesPage />);
    act(() => {
      berthStore.getState().engine.setLink({ state: 'connected' });
      berthStore.getState().engine.setStatus(engineStatus());
    });
    expect(screen.getByText('Loading images…')).toBeTruthy();
    connectedWith(busybox);
    act(() =>
      berthStore.getState().engine.setStatus(engineStatus({ state: 'unreachable', reason: { code: 'refused', message: 'Connection refused.' } })),
    );
    expect(screen.getByText('The engine is unreachable: Connection refused.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks before removing, shows the engine\'s conflict, and offers force', async () => {
    const { host } = renderWithClient(<ImagesPage />);
    connectedWith(alpine);
    fireEvent.click(screen.getByRole('button', { name: 'Remove alpine:3.19' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove alpine:3.19?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    const [removal] = host.callsOf('images.remove');
    expect(removal?.params).toEqual({ id: 'alpine:3.19', force: false });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove alpine:3.19' }).disabled).toBe(true);
    const refusal = 'conflict: unable to remove repository reference "alpine:3.19" (must force) - container 0a1b2c3d4e5f is using its referenced image 333333333333';
    await act(async () => {
      host.fail(removal!.id, { code: 'conflict', message: refusal });
      await settle();
    });

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`Could not remove alpine:3.19: ${refusal}`);
    fireEvent.click(within(alert).getByRole('button', { name: 'Force remove' }));
    expect(host.callsOf('images.remove')[1]?.params).toEqual({ id: 'alpine:3.19', force: true });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('removes an untagged image by id, with force when ticked', () => {
    const { host } = renderWithClient(<ImagesPage />);
    connectedWith(dangling);
    fireEvent.click(screen.getByRole('button', { name: 'Remove image abcdef012345' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove image abcdef012345?' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Force: remove even if a container uses it' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(host.callsOf('images.remove')[0]?.params).toEqual({ id: dangling.id, force: true });
  });

  it('offers no force after a refusal that is not a conflict', async () => {
    const { host } = renderWithClient(<ImagesPage />);
    connectedWith(alpine);
    fireEvent.click(screen.getByRole('button', { name: 'Remove alpine:3.19' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await act(async () => {
      host.fail(host.callsOf('images.remove')[0]!.id, { code: 'not_found', message: 'No such image: alpine:3.19' });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toContain('No such image: alpine:3.19');
    expect(screen.queryByRole('button', { name: 'Force remove' })).toBeNull();
  });

  it('cancels a removal without calling the backend', () => {
    const { host } = renderWithClient(<ImagesPage />);
    connectedWith(alpine);
    fireEvent.click(screen.getByRole('button', { name: 'Remove alpine:3.19' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('images.remove')).toEqual([]);
  });
});
