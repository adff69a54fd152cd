// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageDetails, ImageHistoryEntry } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { engineStatus, image, settle, type FakeHost } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { answer } from '../container-details/detailsTesting.js';
import { ImageDetailsPage } from './ImageDetailsPage.js';
import { instructionSummary } from './HistoryTable.js';

const imageId = `sha256:${'a'.repeat(64)}`;
const hostile = '<img src=x onerror=alert(1)>';

function details(overrides: Partial<ImageDetails> = {}): ImageDetails {
  return {
    engineId: 'engine-1',
    id: imageId,
    repoTags: ['app:1'],
    repoDigests: [],
    parentId: null,
    created: '2025-01-01T10:00:00.123456789Z',
    os: 'linux',
    architecture: 'arm64',
    variant: 'v8',
    sizeBytes: 2_000_000,
    author: '',
    comment: '',
    config: {
      entrypoint: null,
      cmd: ['sh'],
      env: ['PATH=/bin'],
      exposedPorts: [{ port: 80, protocol: 'tcp' }],
      volumes: ['/data'],
      user: '',
      workingDir: '',
      labels: { note: hostile },
      stopSignal: null,
      healthcheck: null,
    },
    layers: [`sha256:${'1'.repeat(64)}`],
    containers: [{ engineId: 'engine-1', id: 'c'.repeat(64), name: 'web', state: 'running' }],
    ...overrides,
  };
}

const longRun = `/bin/sh -c apt-get update && apt-get install -y ${'package '.repeat(40)}&& echo ${hostile}`;
const history: ImageHistoryEntry[] = [
  { id: imageId, created: 1735725600, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', sizeBytes: 0, comment: '', tags: ['app:1'] },
  { id: '<missing>', created: 1735725500, createdBy: longRun, sizeBytes: 1_500_000, comment: '', tags: [] },
  { id: '<missing>', created: 1735725400, createdBy: '', sizeBytes: 500_000, comment: 'Imported from -', tags: [] },
];

async function renderPage(answerWith = details()): Promise<FakeHost> {
  const { host } = renderWithClient(<ImageDetailsPage engineId="engine-1" imageId={imageId} />);
  await act(async () => {
    const { engine, images } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    images.replaceEngine('engine-1', [image({ id: imageId, repoTags: ['app:1'] })]);
    await settle();
  });
  await answer(host, 'images.inspect', answerWith);
  await answer(host, 'images.history', history);
  return host;
}

afterEach(cleanup);

describe('Image details page', () => {
  it('shows the image by its tag, its platform, config and the containers made from it, linked', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'app:1' })).toBeTruthy();
    const facts = screen.getByRole('region', { name: 'Image' });
    expect(within(facts).getByText('OS/architecture').nextElementSibling?.textContent).toBe('linux/arm64/v8');
    const users = screen.getByRole('list', { name: 'Containers using this image' });
    expect(within(users).getByRole('link', { name: 'web' }).getAttribute('href')).toBe(`#/containers/engine-1/${'c'.repeat(64)}`);
    expect(screen.getByRole('link', { name: 'Run app:1' }).getAttribute('href')).toBe('#/run?image=app%3A1');
  });

  it('lists the layers newest first, each instruction on a line, the full text on demand', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Layers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('CMD ["sh"]')).toBeTruthy();
    expect(within(rows[2]!).getByText('Imported from -')).toBeTruthy();
    const show = within(rows[1]!).getByRole('button', { name: 'Show full step 2' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    const hide = within(rows[1]!).getByRole('button', { name: 'Hide step 2' });
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(hide.getAttribute('aria-controls') ?? '')?.textContent).toBe(longRun);
  });

  it('renders hostile labels and instructions as text, never as HTML', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Show full step 2' }));
    expect(document.querySelector('img')).toBeNull();
    expect(document.body.textContent).toContain(hostile);
  });

  it('says so when the image is gone', async () => {
    const { host } = renderWithClient(<ImageDetailsPage engineId="engine-1" imageId={imageId} />);
    await act(async () => {
      berthStore.getState().engine.setLink({ state: 'connected' });
      berthStore.getState().engine.setStatus(engineStatus());
      await settle();
    });
    const call = host.callsOf('images.inspect').at(-1);
    await act(async () => {
      host.fail(call!.id, { code: 'not_found', message: 'No such image' });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toContain('This image no longer exists');
  });

  it('shortens the classic builder instructions to what was written', () => {
    expect(instructionSummary('/bin/sh -c #(nop)  EXPOSE 80/tcp')).toBe('EXPOSE 80/tcp');
    expect(instructionSummary('RUN /bin/sh -c make\n\tinstall # buildkit')).toBe('RUN /bin/sh -c make install # buildkit');
  });
});
