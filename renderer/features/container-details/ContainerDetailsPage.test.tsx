// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { settle } from '../../testing/fakeHost.js';
import { answer, containerId, details, renderDetails } from './detailsTesting.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Container details page', () => {
  it('titles the page with the name and offers the eight tabs', async () => {
    await renderDetails(details());
    expect(screen.getByRole('heading', { level: 1, name: 'web' })).toBeTruthy();
    const tabs = within(screen.getByRole('tablist', { name: 'Container details' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Overview', 'Logs', 'Inspect', 'Processes', 'Filesystem changes', 'Resources', 'Stats', 'Terminal']);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('opens on the tab the address names, e.g. the terminal after running with -it', async () => {
    window.location.hash = `#/containers/${containerId}/terminal`;
    try {
      await renderDetails(details({ terminal: { tty: true, stdin: true } }));
      expect(screen.getByRole('tab', { name: 'Terminal' }).getAttribute('aria-selected')).toBe('true');
      expect(await screen.findByRole('region', { name: 'Terminal of web' })).toBeTruthy();
    } finally {
      window.location.hash = '';
    }
  });

  it('tells the truth about an exited, OOM-killed container that restarted', async () => {
    await renderDetails(
      details({
        state: { ...details().state, status: 'exited', running: false, exitCode: 137, oomKilled: true, finishedAt: '2025-01-01T11:00:00Z' },
        restartCount: 4,
      }),
    );
    const facts = screen.getByRole('region', { name: 'State' });
    expect(within(facts).getByText('Status').nextElementSibling?.textContent).toBe('exited (137), killed for lack of memory (OOM)');
    expect(within(facts).getByText('Killed for lack of memory (OOM)').nextElementSibling?.textContent).toBe('yes');
    expect(within(facts).getByText('Restart count').nextElementSibling?.textContent).toBe('4');
    expect(within(facts).getByText('Exit code').nextElementSibling?.textContent).toBe('137');
  });

  it('masks secret-looking env values until clicked', async () => {
    await renderDetails(details({ env: ['MODE=prod', 'DB_PASSWORD=hunter2', 'API_TOKEN=abc'] }));
    expect(screen.getByText('prod')).toBeTruthy();
    expect(document.body.textContent).not.toContain('hunter2');
    fireEvent.click(screen.getByRole('button', { name: 'Show value of DB_PASSWORD' }));
    expect(screen.getByText('hunter2')).toBeTruthy();
    expect(document.body.textContent).not.toContain('abc');
    fireEvent.click(screen.getByRole('button', { name: 'Hide value of DB_PASSWORD' }));
    expect(document.body.textContent).not.toContain('hunter2');
  });

  it('renders hostile labels and env values as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    await renderDetails(details({ labels: { note: hostile }, env: [`GREETING=<script>alert(1)</script>`] }));
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });

  it('searches the inspect JSON, masks secrets in it, and copies the real thing', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const raw = { Id: 'abc', Config: { Env: ['DB_PASSWORD=hunter2', 'MODE=prod'], Labels: { mode: 'prod' } } };
    await renderDetails(details({ raw }));
    fireEvent.click(screen.getByRole('tab', { name: 'Inspect' }));
    const json = screen.getByRole('region', { name: 'Inspect JSON' });
    expect(json.textContent).not.toContain('hunter2');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search inspect JSON' }), { target: { value: 'PROD' } });
    expect(json.querySelectorAll('mark')).toHaveLength(2);
    expect(screen.getByText('1 of 2 matches')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('2 of 2 matches')).toBeTruthy();
    expect(json.querySelector('mark.mark-current')?.getAttribute('data-match')).toBe('1');

    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(writeText).toHaveBeenCalledWith(JSON.stringify(raw, null, 2));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
  });

  it('copies the docker run command and shows it for copying by hand', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('permission denied')));
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const { host } = await renderDetails(details());
    fireEvent.click(screen.getByRole('button', { name: 'Copy as docker run' }));
    await answer(host, 'containers.runCommand', { command: 'docker run -d --name web busybox:1.37 sleep 3600', spec: {} });
    expect(writeText).toHaveBeenCalledWith('docker run -d --name web busybox:1.37 sleep 3600');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'docker run command' }).value).toBe('docker run -d --name web busybox:1.37 sleep 3600');
    expect(screen.getByText('Could not copy: permission denied.')).toBeTruthy();
  });

  it('lists filesystem changes by kind', async () => {
    const { host } = await renderDetails(details());
    fireEvent.click(screen.getByRole('tab', { name: 'Filesystem changes' }));
    await answer(host, 'containers.diff', [
      { path: '/tmp/new', kind: 'added' },
      { path: '/etc/hosts', kind: 'changed' },
      { path: '/var/old', kind: 'deleted' },
    ]);
    expect(screen.getByText('1 added, 1 changed, 1 deleted')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Filesystem changes' });
    expect(within(table).getByText('/var/old').previousElementSibling?.textContent).toBe('deleted');
  });

  it('says when the container is gone', async () => {
    const { host } = await renderDetails(details());
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    act(() => berthStore.getState().containers.replaceEngine('engine-1', []));
    const inspect = host.callsOf('containers.inspect').at(-1);
    await act(async () => {
      host.fail(inspect!.id, { code: 'not_found', message: 'No such container: web' });
      await settle();
    });
    expect(screen.getByRole('alert').textContent).toContain('This container no longer exists.');
  });

  it('asks the container\'s own engine for everything: inspect, run command, diff, top and stats', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.resolve() } });
    const { host } = await renderDetails(details());
    fireEvent.click(screen.getByRole('button', { name: 'Copy as docker run' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Filesystem changes' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Processes' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    const requests = host.sent.filter((m) => m.kind === 'call' || m.kind === 'subscribe');
    const named = requests.map((m) => (m.kind === 'call' ? m.method : m.kind === 'subscribe' ? m.stream : ''));
    expect(named).toEqual(expect.arrayContaining(['containers.inspect', 'containers.runCommand', 'containers.diff', 'containers.top', 'containers.stats']));
    expect(requests.every((m) => (m.kind === 'call' || m.kind === 'subscribe') && m.engine === 'engine-1')).toBe(true);
  });
});
