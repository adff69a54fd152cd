// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runSpecSchema } from '../../../runtime/api/index.js';
import { settle } from '../../testing/fakeHost.js';
import { answer, details, renderDetails } from './detailsTesting.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const spec = runSpecSchema.parse({
  image: 'busybox:1.36',
  name: 'web',
  command: ['sleep', '3600'],
  env: [{ key: 'API_TOKEN', value: 'abc' }],
  ports: [{ hostPort: 8080, containerPort: 80 }],
  resources: { memoryBytes: 268435456 },
});

async function openRecreate() {
  const { host } = await renderDetails(details());
  fireEvent.click(screen.getByRole('button', { name: 'Recreate with changes' }));
  await answer(host, 'containers.runCommand', { command: 'docker run ...', spec });
  return host;
}

describe('Recreate with changes', () => {
  it('previews exactly what differs, then recreates and moves to the new container', async () => {
    const host = await openRecreate();
    expect(screen.getByText('No changes yet.')).toBeTruthy();
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Environment' }).value).toBe('API_TOKEN=••••••••');

    fireEvent.change(screen.getByRole('textbox', { name: 'Image' }), { target: { value: 'busybox:1.37' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Ports' }), { target: { value: '8080:80\n9090:90' } });
    const preview = screen.getByRole('list', { name: 'Changes' });
    expect(within(preview).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Image: busybox:1.36 → busybox:1.37',
      'Port 9090:90/tcp: (none) → 9090:90/tcp',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Recreate' }));
    const dialog = screen.getByRole('dialog', { name: 'Recreate web?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Recreate' }));
    const [call] = host.callsOf('containers.recreate');
    expect(call?.params).toEqual({ id: details().id, spec: { ...spec, image: 'busybox:1.37', ports: [...spec.ports, { containerPort: 90, hostPort: 9090, protocol: 'tcp' }] } });
    await act(async () => {
      host.reply(call!.id, { id: 'e'.repeat(64), name: 'web', warnings: [], started: true });
      await settle();
    });
    // The new container is on the same engine, and its address says so.
    expect(window.location.hash).toBe(`#/containers/engine-1/${'e'.repeat(64)}`);
    expect(call?.engine).toBe('engine-1');
    expect(screen.queryByRole('dialog')).toBeNull(); // the confirm's submit must not reach the editor's form
  });

  it('names the field that is wrong and sends nothing', async () => {
    const host = await openRecreate();
    fireEvent.change(screen.getByRole('textbox', { name: 'Ports' }), { target: { value: '8080:80\nhttp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recreate' }));
    expect(screen.getByRole('alert').textContent).toBe('Ports line 2: container port must be 1-65535.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('containers.recreate')).toEqual([]);
  });

  it('shows the engine refusal as written and stays on the container', async () => {
    const host = await openRecreate();
    fireEvent.change(screen.getByRole('textbox', { name: 'Image' }), { target: { value: 'nope:missing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recreate' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Recreate' }));
    const [call] = host.callsOf('containers.recreate');
    await act(async () => {
      host.fail(call!.id, { code: 'not_found', message: 'No such image: nope:missing', details: { field: 'image' } });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toBe('Could not recreate: No such image: nope:missing');
    expect(window.location.hash).toBe('');
  });
});
