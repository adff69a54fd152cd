// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { engineEntry, engineStatus } from '../../testing/fakeHost.js';
import { RunPage } from './RunPage.js';
import { image, renderRun } from './runTesting.js';

const id = 'f'.repeat(64);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** Two connected engines, `local` the default; only `tls` holds busybox. */
function twoEngines(tlsState: 'connected' | 'unreachable' = 'connected') {
  act(() => {
    const { engine, engines, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engines.setEntries([engineEntry(), engineEntry({ engineId: 'engine-2', name: 'tls', isDefault: false, state: tlsState })]);
    engine.setStatus(engineStatus());
    engine.setStatus(engineStatus({ engineId: 'engine-2', state: tlsState }));
    images.replaceEngine('engine-1', []);
    images.replaceEngine('engine-2', [{ ...image('busybox:latest'), engineId: 'engine-2' }]);
  });
}

const engineSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Engine' });
const imageField = () => screen.getByRole<HTMLInputElement>('combobox', { name: 'Image' });

describe('the Run form with several engines', () => {
  it('asks which engine, the default first, and checks, lists and creates on the one chosen', async () => {
    const { host } = await renderRun(<RunPage />);
    twoEngines();
    expect(engineSelect().value).toBe('engine-1');
    expect([...engineSelect().options].map((option) => option.textContent)).toEqual(['local (default)', 'tls']);

    fireEvent.change(engineSelect(), { target: { value: 'engine-2' } });
    fireEvent.change(imageField(), { target: { value: 'busybox:latest' } });
    // Suggestions and "on the engine" follow the chosen engine's images.
    expect(document.getElementById(imageField().getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe('On the engine.');

    fireEvent.click(screen.getByRole('button', { name: 'Create and start' }));
    const check = await host.nthCall('containers.validateRun', 0);
    await host.answer(check.id, { issues: [], warnings: [] });
    const list = await host.nthCall('images.list', 0);
    await host.answer(list.id, [image('busybox:latest')]);
    const create = await host.nthCall('containers.create', 0);
    await host.answer(create.id, { id, name: 'web', warnings: [], started: true });

    const sentTo = (method: string) => host.callsOf(method).map((call) => call.engine);
    expect(sentTo('containers.validateRun').every((engine) => engine === 'engine-2')).toBe(true);
    expect(sentTo('images.list')).toEqual(['engine-2']);
    expect(sentTo('containers.create')).toEqual(['engine-2']);
    expect(window.location.hash).toBe(`#/containers/engine-2/${id}`);
  });

  it('opens on the engine the address names', async () => {
    window.location.hash = '#/run?image=busybox&engine=engine-2';
    await renderRun(<RunPage />);
    twoEngines();
    expect(engineSelect().value).toBe('engine-2');
    expect(imageField().value).toBe('busybox');
  });

  it('asks nothing while only one engine is connected', async () => {
    await renderRun(<RunPage />);
    twoEngines('unreachable');
    expect(screen.queryByRole('combobox', { name: 'Engine' })).toBeNull();
  });
});
