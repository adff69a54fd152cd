// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { progress } from '../../stores/transferTesting.js';
import { engineStatus, image, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { TaskArea } from '../tasks/TaskArea.js';
import { ImagesPage } from './ImagesPage.js';

function renderPage() {
  const rendered = renderWithClient(
    <>
      <ImagesPage />
      <TaskArea />
    </>,
  );
  act(() => {
    const { engine, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    images.replaceEngine('engine-1', [image({ repoTags: ['app:1'] })]);
  });
  return rendered;
}

function typeInto(label: string, text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value: text } });
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Pull from the Images page', () => {
  it('checks the reference as it is typed, with the shared rule, and sends nothing while it is wrong', () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    const dialog = screen.getByRole('dialog', { name: 'Pull an image' });
    const pull = within(dialog).getByRole('button', { name: 'Pull' });
    expect((pull as HTMLButtonElement).disabled).toBe(true);
    typeInto('Image reference', '127.0.0.1:5000/Team/app:1');
    expect(within(dialog).getByRole('alert').textContent).toBe('Image reference: repository name "Team/app" must be lowercase');
    expect((pull as HTMLButtonElement).disabled).toBe(true);
    typeInto('Image reference', 'app:-1');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Image reference: .*invalid tag "-1"/);
    fireEvent.submit(pull.closest('form')!);
    expect(host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'images.pull')).toEqual([]);
  });

  it('runs the pull as a task: per-layer progress in the status bar, then Run for that image and engine', async () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    typeInto('Image reference', '127.0.0.1:5000/team/app:1');
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Pull an image' })).getByRole('button', { name: 'Pull' }));
    expect(screen.queryByRole('dialog', { name: 'Pull an image' })).toBeNull();
    expect(host.sent.find((m) => m.kind === 'subscribe' && m.stream === 'images.pull')).toMatchObject({ params: { reference: '127.0.0.1:5000/team/app:1' }, engine: 'engine-1' });
    const pullId = host.subscriptionId('images.pull');

    act(() =>
      host.emitTo(
        pullId,
        progress({
          layers: [
            { id: 'aaa', state: 'downloading', status: 'Downloading', current: 512, total: 1024 },
            { id: 'bbb', state: 'exists', status: 'Already exists' },
          ],
          layerCount: 2,
          layersDone: 1,
          bytesDone: 512,
          bytesTotal: 1024,
          percent: 25,
        }),
      ),
    );
    expect(screen.getByRole('button', { name: '1 task running · 25 %' }).getAttribute('aria-expanded')).toBe('true');
    const task = screen.getByRole('listitem', { name: 'Pull 127.0.0.1:5000/team/app:1' });
    expect(within(task).getByRole('progressbar', { name: 'Pull of 127.0.0.1:5000/team/app:1' }).getAttribute('value')).toBe('25');
    fireEvent.click(within(task).getByRole('button', { name: 'Show layers' }));
    expect(within(task).getByRole('progressbar', { name: 'Layer aaa' }).getAttribute('value')).toBe('512');
    expect(within(task).getByRole('listitem', { name: 'Layer bbb: Already exists' })).toBeTruthy();

    act(() => {
      host.emitTo(pullId, progress({ layers: [{ id: 'aaa', state: 'complete', status: 'Pull complete', current: 1024, total: 1024 }], percent: 100, done: true, layerCount: 2, layersDone: 2 }));
      host.endStream(pullId);
    });
    await act(settle);
    expect(within(task).getByRole('progressbar', { name: 'Layer aaa' }).getAttribute('value')).toBe('1');
    expect(within(task).getByText('Done')).toBeTruthy();
    expect(within(task).getByRole('link', { name: 'Run 127.0.0.1:5000/team/app:1' }).getAttribute('href')).toBe('#/run?image=127.0.0.1%3A5000%2Fteam%2Fapp%3A1&engine=engine-1');
    expect(screen.getByRole('button', { name: 'Tasks: all done' })).toBeTruthy();
  });

  it('Cancel unsubscribes (the host aborts the engine request) and says so; a failure shows its one line', async () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    typeInto('Image reference', 'registry.test:5000/app:1');
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Pull an image' })).getByRole('button', { name: 'Pull' }));
    const first = host.subscriptionId('images.pull');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Pull registry.test:5000/app:1' }));
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: first });
    expect(within(screen.getByRole('listitem', { name: 'Pull registry.test:5000/app:1' })).getByText('Cancelled')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss Pull registry.test:5000/app:1' }));
    expect(screen.queryByRole('listitem', { name: 'Pull registry.test:5000/app:1' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Pull' }));
    typeInto('Image reference', '127.0.0.1:1/app:1');
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Pull an image' })).getByRole('button', { name: 'Pull' }));
    act(() => host.fail(host.subscriptionId('images.pull'), { code: 'conflict', message: 'Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused' }));
    await act(settle);
    const failed = screen.getByRole('listitem', { name: 'Pull 127.0.0.1:1/app:1' });
    expect(within(failed).getByRole('alert').textContent).toBe('Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused');
    expect(within(failed).queryByRole('link', { name: /Run/ })).toBeNull();
  });
});

describe('Tag and Push on an image row', () => {
  it('Tag checks the new name as docker tag does, sends it to the row engine, and keeps the dialog open on a refusal', async () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Tag app:1' }));
    const dialog = screen.getByRole('dialog', { name: 'Tag app:1' });
    typeInto('New name', `127.0.0.1:5000/app@sha256:${'a'.repeat(64)}`);
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^New name: .*has a digest/);
    typeInto('New name', '127.0.0.1:5000/app:1');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tag' }));
    const [call] = host.callsOf('images.tag');
    expect(call).toMatchObject({ params: { source: 'app:1', target: '127.0.0.1:5000/app:1' }, engine: 'engine-1' });
    act(() => host.fail(call!.id, { code: 'conflict', message: 'engine said no' }));
    await act(settle);
    expect(within(dialog).getByRole('alert').textContent).toBe('Could not tag app:1: engine said no');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tag' }));
    act(() => host.reply(host.callsOf('images.tag')[1]!.id, { target: '127.0.0.1:5000/app:1' }));
    await act(settle);
    expect(screen.queryByRole('dialog', { name: 'Tag app:1' })).toBeNull();
  });

  it('Push starts a push task for that tag on the row engine', () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Push app:1' }));
    expect(host.sent.find((m) => m.kind === 'subscribe' && m.stream === 'images.push')).toMatchObject({ params: { reference: 'app:1' }, engine: 'engine-1' });
    expect(screen.getByRole('listitem', { name: 'Push app:1' })).toBeTruthy();
  });
});
