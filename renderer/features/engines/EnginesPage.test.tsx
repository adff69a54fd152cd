// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEntry } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { engineEntry, settle } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { EnginesPage } from './EnginesPage.js';

afterEach(cleanup);

const local = engineEntry();
const build = engineEntry({
  engineId: 'engine-2',
  name: 'build',
  color: '#16a34a',
  url: 'tcp://10.0.0.5:2375',
  source: 'user',
  why: 'added by you',
  isDefault: false,
  state: 'unreachable',
  identity: undefined,
  reason: { code: 'refused', message: 'Connection refused by 10.0.0.5:2375.' },
  latency: { medianMs: null, maxMs: null, samples: 0 },
  warning: 'Unencrypted: anyone on the network path to 10.0.0.5 can read this traffic and control the engine, which is root on that host. Use TLS or ssh://.',
});
const podman = engineEntry({
  engineId: 'engine-3',
  name: 'podman',
  url: 'unix:///run/podman/podman.sock',
  source: 'podman_rootful',
  why: "Podman's system socket",
  isDefault: false,
  enabled: false,
  state: 'disconnected',
  identity: undefined,
  latency: { medianMs: null, maxMs: null, samples: 0 },
});

function showEngines(...entries: EngineEntry[]) {
  act(() => {
    berthStore.getState().engine.setLink({ state: 'connected' });
    berthStore.getState().engines.setEntries(entries);
  });
}

const row = (name: string) => screen.getByRole('row', { name });
const cells = (name: string) => within(row(name)).getAllByRole('cell').map((cell) => cell.textContent);

describe('Engines page', () => {
  it('shows every engine with its kind, versions, platform, state, round trips and default', () => {
    renderWithClient(<EnginesPage />);
    showEngines(local, build, podman);
    expect(screen.getByRole('heading', { level: 1, name: 'Engines' })).toBeTruthy();
    expect(within(row('local')).getByRole('rowheader').textContent).toBe('local');
    expect(cells('local')).toEqual([
      'unix:///var/run/docker.sockthe default Docker socket',
      'Docker Engine',
      '27.5.1',
      '1.47',
      'linux/amd64',
      'connected',
      'median 2.5 ms, max 14 ms (12 calls)',
      'default',
      expect.any(String) as string,
    ]);
    expect(within(row('build')).getByText('unreachable: Connection refused by 10.0.0.5:2375.')).toBeTruthy();
    expect(within(row('build')).getByRole('note').textContent).toContain('Unencrypted');
    expect(within(row('podman')).getByText('disconnected')).toBeTruthy();
    expect(within(row('podman')).getByText('no calls yet')).toBeTruthy();
  });

  it('renders names, URLs and reasons as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    renderWithClient(<EnginesPage />);
    showEngines(local, { ...build, name: hostile, url: `tcp://${hostile}`, reason: { code: 'unknown', message: hostile } });
    expect(within(row(hostile)).getByText(`unreachable: ${hostile}`)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('connects, disconnects and makes default through the engines methods, naming the engine', async () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local, build, podman);
    fireEvent.click(screen.getByRole('button', { name: 'Connect podman' }));
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect build' }));
    // While one action on an engine runs, its other controls wait.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Make build the default' }).disabled).toBe(true);
    await act(async () => {
      host.reply(host.callsOf('engines.disconnect')[0]!.id, { ...build, state: 'disconnected' });
      await settle();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Make build the default' }));
    expect(host.callsOf('engines.connect').map((call) => call.params)).toEqual([{ engine: 'engine-3' }]);
    expect(host.callsOf('engines.disconnect').map((call) => call.params)).toEqual([{ engine: 'engine-2' }]);
    expect(host.callsOf('engines.setDefault').map((call) => call.params)).toEqual([{ engine: 'engine-2' }]);
    // The default engine serves requests naming none: it is not disconnected or removed from here.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Disconnect local' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Make local the default' }).disabled).toBe(true);
  });

  it('renames and recolours an engine', () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local, build);
    fireEvent.click(screen.getByRole('button', { name: 'Rename build' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename build' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New name' }), { target: { value: 'build-server' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(host.callsOf('engines.update').map((call) => call.params)).toEqual([{ engine: 'engine-2', name: 'build-server' }]);

    const colour = screen.getByLabelText<HTMLInputElement>('Colour of build');
    expect(colour.type).toBe('color');
    expect(colour.value).toBe('#16a34a');
    fireEvent.change(colour, { target: { value: '#dc2626' } });
    expect(host.callsOf('engines.update').map((call) => call.params)).toEqual([
      { engine: 'engine-2', name: 'build-server' },
      { engine: 'engine-2', color: '#dc2626' },
    ]);
  });

  it('removes only an engine the user added, after asking, and shows a refusal', async () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local, build, podman);
    expect(screen.queryByRole('button', { name: 'Remove podman' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove local' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove build' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove build?' });
    expect(host.callsOf('engines.remove')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    const [removal] = host.callsOf('engines.remove');
    expect(removal?.params).toEqual({ engine: 'engine-2' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Rename build' }).disabled).toBe(true);
    await act(async () => {
      host.fail(removal!.id, { code: 'conflict', message: '"build" is the default engine: make another engine the default first.' });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toContain('Could not remove build: "build" is the default engine');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Rename build' }).disabled).toBe(false);
  });
});

describe('Add engine', () => {
  const form = () => screen.getByRole('form', { name: 'Add engine' });
  const field = (name: string) => within(form()).getByRole<HTMLInputElement>('textbox', { name });
  const describedBy = (element: HTMLElement) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');

  it('asks TLS file paths for tcp:// and sends them with verification on by default', async () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local);
    expect(field('URL').placeholder).toBe('unix:///path, tcp://host:port or ssh://user@host');
    expect(within(form()).queryByRole('textbox', { name: 'CA certificate' })).toBeNull();
    fireEvent.change(field('URL'), { target: { value: 'tcp://127.0.0.1:2376' } });
    fireEvent.change(field('Name (optional)'), { target: { value: 'tls' } });
    fireEvent.change(field('CA certificate'), { target: { value: '/certs/ca.pem' } });
    fireEvent.change(field('Client certificate'), { target: { value: '/certs/cert.pem' } });
    fireEvent.change(field('Client key'), { target: { value: '/certs/key.pem' } });
    expect(within(form()).getByRole<HTMLInputElement>('checkbox', { name: "Verify the engine's certificate" }).checked).toBe(true);
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));

    const [add] = host.callsOf('engines.add');
    expect(add?.params).toEqual({ url: 'tcp://127.0.0.1:2376', name: 'tls', tls: { verify: true, caPath: '/certs/ca.pem', certPath: '/certs/cert.pem', keyPath: '/certs/key.pem' } });
    await act(async () => {
      host.reply(add!.id, engineEntry({ engineId: 'engine-9', name: 'tls', isDefault: false, state: 'connected' }));
      await settle();
    });
    expect(within(form()).getByText('Added tls (connected).')).toBeTruthy();
    expect(field('URL').value).toBe('');
  });

  it('keeps what is typed while an earlier add was still on its way', async () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local);
    fireEvent.change(field('URL'), { target: { value: 'unix:///run/one.sock' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    fireEvent.change(field('URL'), { target: { value: 'unix:///run/two.sock' } });
    await act(async () => {
      host.reply(host.callsOf('engines.add')[0]!.id, engineEntry({ engineId: 'engine-9', name: 'one', isDefault: false }));
      await settle();
    });
    expect(field('URL').value).toBe('unix:///run/two.sock');
  });

  it('asks an ssh config for ssh://, and sends nothing it was not given', () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local);
    fireEvent.change(field('URL'), { target: { value: 'ssh://root@build' } });
    expect(within(form()).queryByRole('textbox', { name: 'CA certificate' })).toBeNull();
    fireEvent.change(field('ssh config file (optional)'), { target: { value: '/home/me/.ssh/berth_config' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    expect(host.callsOf('engines.add')[0]?.params).toEqual({ url: 'ssh://root@build', sshConfigPath: '/home/me/.ssh/berth_config' });
  });

  it('shows the backend\'s refusal next to the field it names, keeping what was typed', async () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local);
    fireEvent.change(field('URL'), { target: { value: 'tcp://127.0.0.1:2376' } });
    fireEvent.change(field('CA certificate'), { target: { value: 'ca.pem' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    await act(async () => {
      host.fail(host.callsOf('engines.add')[0]!.id, {
        code: 'invalid_argument',
        message: 'engines.add: tls.caPath: must be an absolute path',
        details: { field: 'tls.caPath', issues: [{ field: 'tls.caPath', reason: 'must be an absolute path' }] },
      });
      await settle();
    });
    const ca = field('CA certificate');
    expect(ca.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(ca)).toBe('CA certificate: must be an absolute path');
    expect(ca.value).toBe('ca.pem');
    expect(field('URL').getAttribute('aria-invalid')).toBe('false');

    fireEvent.change(field('Name (optional)'), { target: { value: 'local' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    await act(async () => {
      host.fail(host.callsOf('engines.add')[1]!.id, { code: 'conflict', message: 'The name "local" is taken by unix:///var/run/docker.sock.', details: { field: 'name' } });
      await settle();
    });
    expect(describedBy(field('Name (optional)'))).toBe('The name "local" is taken by unix:///var/run/docker.sock.');
    expect(field('CA certificate').getAttribute('aria-invalid')).toBe('false');
  });

  it('says what is wrong with the URL before asking the backend', () => {
    const { host } = renderWithClient(<EnginesPage />);
    showEngines(local);
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    expect(describedBy(field('URL'))).toBe('URL is required.');
    fireEvent.change(field('URL'), { target: { value: 'build.example.com:2375' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Add engine' }));
    expect(describedBy(field('URL'))).toBe('URL must start with unix://, tcp:// or ssh://.');
    expect(host.callsOf('engines.add')).toEqual([]);
  });
});
