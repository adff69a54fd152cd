// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../../stores/store.js';
import { engineStatus } from '../../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../../testing/renderWithClient.js';
import { ImagesPage } from '../ImagesPage.js';

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

function openBuild() {
  const rendered = renderWithClient(<ImagesPage />);
  act(() => {
    const { engine, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    images.replaceEngine('engine-1', []);
  });
  fireEvent.click(screen.getByRole('button', { name: 'Build…' }));
  return rendered;
}

const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });

describe('Build on the Images page', () => {
  it('names a wrong field before anything is sent', () => {
    const { host } = openBuild();
    type('Tags', 'Bad:1');
    fireEvent.click(screen.getByRole('button', { name: 'Build' }));
    expect(screen.getByText('Context directory is required')).toBeTruthy();
    expect(screen.getByText('Tag "Bad:1": repository name "Bad" must be lowercase')).toBeTruthy();
    expect(host.sent.filter((message) => message.kind === 'subscribe' && message.stream === 'images.build')).toEqual([]);
  });

  it('builds with the options given, shows the log as text, and offers Run for the new image', async () => {
    const { host } = openBuild();
    type('Context directory', '/src/app');
    type('Tags', 'app:2 app:latest');
    fireEvent.click(screen.getByRole('button', { name: 'Add build arg' }));
    type('Build arg 1 name', 'VERSION');
    type('Build arg 1 value', '2');
    fireEvent.click(screen.getByRole('checkbox', { name: 'No cache: run every step again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Build' }));
    const subscribe = host.sent.find((message) => message.kind === 'subscribe' && message.stream === 'images.build');
    expect(subscribe).toMatchObject({
      params: { context: '/src/app', dockerfile: 'Dockerfile', tags: ['app:2', 'app:latest'], buildArgs: { VERSION: '2' }, noCache: true, pull: false },
    });
    const id = host.subscriptionId('images.build');
    act(() =>
      host.emitTo(
        id,
        { type: 'context', files: 3, bytes: 2048 },
        { type: 'step', index: 1, total: 2, instruction: 'FROM busybox' },
        { type: 'step', index: 2, total: 2, instruction: 'RUN echo hi' },
        { type: 'output', lines: ['<img src=x onerror="alert(1)">', '\u001b[91mred\u001b[0m'] },
      ),
    );
    const log = await screen.findByRole('region', { name: 'Build log' });
    await waitFor(() => expect(within(log).getByText('<img src=x onerror="alert(1)">')).toBeTruthy());
    expect(log.querySelector('img')).toBeNull();
    expect(within(log).getByText('red')).toBeTruthy();
    expect(within(log).getByText('Step 2/2 : RUN echo hi')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel build' })).toBeTruthy();

    act(() => {
      host.emitTo(id, { type: 'built', imageId: `sha256:${'a'.repeat(64)}`, tags: ['app:2', 'app:latest'] });
      host.endStream(id);
    });
    const run = await screen.findByRole('link', { name: 'Run' });
    expect(run.getAttribute('href')).toBe('#/run?image=app%3A2&engine=engine-1');
    expect(screen.getByText(`Built ${'a'.repeat(12)} as app:2, app:latest`)).toBeTruthy();
  });

  it('a failed build shows the failing step and its output', async () => {
    const { host } = openBuild();
    type('Context directory', '/src/app');
    fireEvent.click(screen.getByRole('button', { name: 'Build' }));
    const id = host.subscriptionId('images.build');
    act(() => {
      host.emitTo(id, { type: 'step', index: 1, total: 2, instruction: 'FROM busybox' }, { type: 'output', lines: [' ---> 6fcd'] });
      host.emitTo(id, { type: 'step', index: 2, total: 2, instruction: 'RUN make' }, { type: 'output', lines: ['make: *** No rule to make target'] });
      host.fail(id, { code: 'conflict', message: "Step 2/2 (RUN make) failed: The command '/bin/sh -c make' returned a non-zero code: 2", details: { step: { index: 2, total: 2, instruction: 'RUN make' }, exitCode: 2 } });
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^Step 2\/2 \(RUN make\) failed/)).toBeTruthy();
    expect(within(alert).getByText('Failing step: Step 2/2 : RUN make')).toBeTruthy();
    expect(within(alert).getByLabelText('Output of step 2').textContent).toBe('make: *** No rule to make target');
    expect(screen.queryByRole('link', { name: 'Run' })).toBeNull();
  });

  it("shows the backend's refusal of a field next to that field", async () => {
    const { host } = openBuild();
    type('Context directory', '/nope');
    fireEvent.click(screen.getByRole('button', { name: 'Build' }));
    act(() => host.fail(host.subscriptionId('images.build'), { code: 'invalid_argument', message: 'context: /nope does not exist', details: { field: 'context' } }));
    await waitFor(() => expect(field('Context directory').getAttribute('aria-invalid')).toBe('true'));
  });

  it('Cancel build unsubscribes (the backend then aborts the engine request)', async () => {
    const { host } = openBuild();
    type('Context directory', '/src/app');
    fireEvent.click(screen.getByRole('button', { name: 'Build' }));
    const id = host.subscriptionId('images.build');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel build' }));
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id });
    expect(await screen.findByText('Cancelled: the engine stopped the build')).toBeTruthy();
  });
});
