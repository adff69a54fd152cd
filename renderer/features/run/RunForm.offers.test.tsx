// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../../runtime/api/index.js';
import { suggestedVolumeName } from './model/imageOffers.js';
import { RunForm } from './RunForm.js';
import { image, renderRun } from './runTesting.js';

afterEach(cleanup);

const config: ImageConfig = {
  entrypoint: null,
  cmd: ['sh'],
  env: [],
  exposedPorts: [
    { port: 53, protocol: 'udp' },
    { port: 80, protocol: 'tcp' },
  ],
  volumes: ['/data'],
  user: '',
  workingDir: '',
  labels: {},
  stopSignal: null,
  healthcheck: null,
};

async function renderOffers() {
  const rendered = await renderRun(<RunForm initialImage="app:1" initialEngine="engine-1" />, [image('app:1')]);
  const inspect = await rendered.host.nthCall('images.inspect', 0);
  expect(inspect.params).toEqual({ id: 'app:1' });
  await rendered.host.answer(inspect.id, { config });
  return rendered;
}

const portsSection = () => screen.getByRole('group', { name: 'Ports' });
const mountsSection = () => screen.getByRole('group', { name: 'Mounts' });

describe('Run form, opened for a local image', () => {
  it('offers its exposed ports and volumes unticked, and adds nothing until asked', async () => {
    await renderOffers();
    const publish = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Publish 80/tcp' });
    expect(publish.checked).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Publish 53/udp' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Mount a named volume at /data' }).checked).toBe(false);
    expect(within(portsSection()).queryAllByRole('textbox')).toHaveLength(0);
    expect(within(mountsSection()).queryAllByRole('textbox')).toHaveLength(0);
  });

  it('a tick adds the row to Ports or Mounts, where it can be changed; unticking removes it', async () => {
    await renderOffers();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Publish 80/tcp' }));
    const portInputs = within(portsSection()).getAllByRole<HTMLInputElement>('textbox');
    expect(portInputs.map((input) => input.value)).toEqual(['', '', '80']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mount a named volume at /data' }));
    const mountInputs = within(mountsSection()).getAllByRole<HTMLInputElement>('textbox');
    expect(mountInputs.map((input) => input.value)).toEqual(['app-data', '/data', '']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Publish 80/tcp' }));
    expect(within(portsSection()).queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Mount a named volume at /data' }).checked).toBe(true);
  });

  it('names the volume after the image and the path', () => {
    expect(suggestedVolumeName('registry:5000/team/app:1.2', '/var/lib/data')).toBe('app-var-lib-data');
    expect(suggestedVolumeName('app@sha256:abc', '/')).toBe('app');
    expect(suggestedVolumeName(`sha256:${'a'.repeat(64)}`, '/data')).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/);
  });
});
