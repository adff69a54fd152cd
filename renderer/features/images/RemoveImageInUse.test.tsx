// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus, image } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ImagesPage } from './ImagesPage.js';

const app = image({ id: `sha256:${'4'.repeat(64)}`, repoTags: ['app:1'] });

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Removing an image in use', () => {
  it('names the containers made from it before asking, by name and state', () => {
    renderWithClient(<ImagesPage />);
    act(() => {
      const { engine, images, containers } = berthStore.getState();
      engine.setLink({ state: 'connected' });
      engine.setStatus(engineStatus());
      images.replaceEngine('engine-1', [app]);
      containers.replaceEngine('engine-1', [
        container({ id: '1'.repeat(64), name: 'web', imageId: app.id, state: 'running' }),
        container({ id: '2'.repeat(64), name: 'db', imageId: app.id, state: 'exited' }),
        container({ id: '3'.repeat(64), name: 'unrelated-ctr', imageId: `sha256:${'5'.repeat(64)}`, state: 'running' }),
      ]);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove app:1' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove app:1?' });
    expect(dialog.textContent).toContain('Used by 2 containers: db (exited), web (running).');
    expect(dialog.textContent).toContain('even forced it keeps an image a running container uses');
    expect(dialog.textContent).not.toContain('unrelated-ctr');
    expect(within(dialog).getByRole('checkbox', { name: /Force/ })).toBeTruthy();
  });
});
