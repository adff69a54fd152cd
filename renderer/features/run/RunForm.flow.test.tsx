// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunForm } from './RunForm.js';
import { image, renderRun, type RunHost } from './runTesting.js';
import { progress } from '../../stores/transferTesting.js';

const id = 'f'.repeat(64);
const created = { id, name: 'web', warnings: [], started: true };

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** Presses a Run button and answers the check (clean) and the image list. */
async function pressRun(host: RunHost, button: 'Create and start' | 'Create only', images = [image('busybox:latest')]) {
  fireEvent.click(screen.getByRole('button', { name: button }));
  const check = await host.nthCall('containers.validateRun', 0);
  await host.answer(check.id, { issues: [], warnings: [] });
  const list = await host.nthCall('images.list', 0);
  await host.answer(list.id, images);
}

describe('running a container', () => {
  it('"Create only" creates without starting, without pulling a present image, then opens the container', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    await pressRun(host, 'Create only');
    const create = await host.nthCall('containers.create', 0);
    expect(create.params).toMatchObject({ spec: { image: 'busybox' }, start: false, pull: false });
    await host.answer(create.id, { ...created, started: false });
    expect(window.location.hash).toBe(`#/containers/${id}`);
  });

  it('pulls a missing image first, showing per-layer progress, then creates with pull:false', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    await pressRun(host, 'Create and start', []);
    const pull = host.sent.find((m) => m.kind === 'subscribe' && m.stream === 'images.pull');
    expect(pull).toMatchObject({ params: { reference: 'busybox' } });
    const pullId = host.subscriptionId('images.pull');
    host.emitPull(
      pullId,
      progress({
        message: 'Pulling from library/busybox',
        layers: [
          { id: 'a1b2c3', state: 'downloading', status: 'Downloading', current: 1_048_576, total: 2_097_152 },
          { id: 'd4e5f6', state: 'downloaded', status: 'Download complete' }, // Podman: no byte totals
        ],
        layerCount: 2,
        bytesDone: 1_048_576,
        bytesTotal: 2_097_152,
        percent: 37,
        bytesPerSecond: 524_288,
        secondsLeft: 2,
      }),
    );
    const region = screen.getByRole('region', { name: 'Pulling busybox' });
    const bar = within(region).getByRole('progressbar', { name: 'Layer a1b2c3' });
    expect(bar.getAttribute('value')).toBe('1048576');
    expect(bar.getAttribute('max')).toBe('2097152');
    expect(within(region).getByRole('listitem', { name: 'Layer d4e5f6: Downloaded' })).toBeTruthy();
    expect(within(region).queryByRole('progressbar', { name: 'Layer d4e5f6' })).toBeNull();
    expect(within(region).getByRole('progressbar', { name: 'Pull of busybox' }).getAttribute('value')).toBe('37');
    expect(within(region).getByText('37 % · 1 MiB of 2 MiB · 512 KiB/s · 2 s left · 0 of 2 layers')).toBeTruthy();
    expect(within(region).getByRole('status').textContent).toBe('Pulling from library/busybox');
    expect(host.callsOf('containers.create')).toHaveLength(0);

    host.end(pullId);
    const create = await host.nthCall('containers.create', 0);
    expect(create.params).toMatchObject({ start: true, pull: false });
  });

  it('cancelling the pull unsubscribes and creates nothing', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    await pressRun(host, 'Create and start', []);
    const pullId = host.subscriptionId('images.pull');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel pull' }));
    await act(async () => Promise.resolve());
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: pullId });
    expect(screen.getByText('Cancelled. Nothing was created.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Pulling busybox' })).toBeNull();
    expect(host.callsOf('containers.create')).toHaveLength(0);
  });

  it('when the container does not start, asks to keep or remove it, and removes it', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    await pressRun(host, 'Create and start');
    const create = await host.nthCall('containers.create', 0);
    const startError = { code: 'internal', message: 'OCI runtime create failed: exec: "nope": executable file not found in $PATH' };
    await host.answer(create.id, { ...created, started: false, startError });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'web was created but did not start' })).toBeTruthy();
    expect(alert.textContent).toContain(startError.message);
    expect(document.activeElement).toBe(within(alert).getByRole('heading'));
    fireEvent.click(within(alert).getByRole('button', { name: 'Remove container' }));
    const remove = await host.nthCall('containers.remove', 0);
    expect(remove.params).toEqual({ id, force: true, volumes: true });
    await host.answer(remove.id, null);
    expect(screen.getByText(/Removed web\. Nothing was left behind/)).toBeTruthy();
    expect(window.location.hash).toBe('');
  });

  it('"Keep container" keeps it and opens its page', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    await pressRun(host, 'Create and start');
    const create = await host.nthCall('containers.create', 0);
    await host.answer(create.id, { ...created, started: false, startError: { code: 'internal', message: 'port is already allocated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep container' }));
    expect(window.location.hash).toBe(`#/containers/${id}`);
    expect(host.callsOf('containers.remove')).toHaveLength(0);
  });

  it("shows an engine error beside the field it names, and one that names none as an alert", async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'web' } });
    await pressRun(host, 'Create and start');
    const create = await host.nthCall('containers.create', 0);
    const conflict = 'Conflict. The container name "/web" is already in use by container "0123".';
    await host.answerError(create.id, { code: 'conflict', message: conflict, details: { field: 'spec.name' } });
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')?.split(' ')[0] ?? '')?.textContent).toBe(`Name: ${conflict}`);

    await pressRunAgain(host);
    const second = await host.nthCall('containers.create', 1);
    await host.answerError(second.id, { code: 'engine_unreachable', message: 'connect ENOENT /var/run/docker.sock' });
    expect(screen.getByRole('alert').textContent).toBe('Could not create the container: connect ENOENT /var/run/docker.sock');
  });

  it('after starting with Interactive + TTY, opens the container on its terminal', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Interactive' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'TTY' }));
    await pressRun(host, 'Create and start');
    const create = await host.nthCall('containers.create', 0);
    expect(create.params).toMatchObject({ spec: { interactive: true, tty: true }, start: true });
    await host.answer(create.id, created);
    expect(window.location.hash).toBe(`#/containers/${id}/terminal`);
  });

  it('with Interactive + TTY but "Create only", opens the container page, not a terminal it cannot have yet', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Interactive' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'TTY' }));
    await pressRun(host, 'Create only');
    const create = await host.nthCall('containers.create', 0);
    expect(create.params).toMatchObject({ start: false });
    await host.answer(create.id, created);
    expect(window.location.hash).toBe(`#/containers/${id}`);
  });
});

/** A second Run after an edit: the check and list calls are the next ones. */
async function pressRunAgain(host: RunHost) {
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'web2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create and start' }));
  const checks = host.callsOf('containers.validateRun');
  const check = checks[checks.length - 1];
  if (!check) throw new Error('no check');
  await host.answer(check.id, { issues: [], warnings: [] });
  const list = await host.nthCall('images.list', 1);
  await host.answer(list.id, [image('busybox:latest')]);
}
