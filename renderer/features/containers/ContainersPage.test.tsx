// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus, settle } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { ContainersPage } from './ContainersPage.js';

const web = container({
  id: '1'.repeat(64),
  name: 'web',
  image: 'nginx:1.27',
  ports: [{ privatePort: 80, publicPort: 8080, ip: '0.0.0.0', protocol: 'tcp' }],
});
const job = container({ id: '2'.repeat(64), name: 'job', state: 'exited', exitCode: 137, status: 'Exited (137) 2 minutes ago' });

function connectedWith(...list: ReturnType<typeof container>[]) {
  act(() => {
    const { engine, containers } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    containers.replaceEngine('engine-1', list);
  });
}

beforeAll(() => giveElementsAHeight());
afterEach(cleanup);

describe('Containers page', () => {
  it('renders one row per container from the store', () => {
    renderWithClient(<ContainersPage />);
    connectedWith(web, job);
    expect(screen.getByRole('heading', { level: 1, name: 'Containers' })).toBeTruthy();
    expect(screen.getByText('2 containers')).toBeTruthy();
    const row = screen.getByRole('row', { name: 'job' });
    expect(within(row).getByText('exited (137)')).toBeTruthy();
    expect(within(row).getByText('Exited (137) 2 minutes ago')).toBeTruthy();
    const link = within(screen.getByRole('row', { name: 'web' })).getByRole('link', { name: '8080 → 80/tcp' });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:8080/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: 'Start job' }).disabled).toBe(false);
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: 'Stop job' }).disabled).toBe(true);
    // A container id is unique only within its engine: its page's address names both.
    expect(within(row).getByRole('link', { name: 'job' }).getAttribute('href')).toBe(`#/containers/engine-1/${job.id}`);
    expect(screen.getByRole('link', { name: 'Run container' }).getAttribute('href')).toBe('#/run');
  });

  it('keeps a status line true as time passes when Berth says when its duration counts from, ticking each second while it counts seconds', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T12:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      renderWithClient(<ContainersPage />);
      connectedWith(
        container({ id: 'a'.repeat(64), name: 'fresh', status: 'Up Less than a second (healthy)', statusSince: Date.now() }),
        container({ id: 'b'.repeat(64), name: 'old', state: 'exited', exitCode: 1, status: 'Exited (1) 2 hours ago', statusSince: Date.now() - 2 * 3_600_000 }),
        container({ id: 'c'.repeat(64), name: 'as-listed', status: 'Up 3 minutes' }),
      );
      const statusOf = (name: string) => within(screen.getByRole('row', { name })).getByText(/^(Up|Exited)/).textContent;
      expect(statusOf('fresh')).toBe('Up Less than a second (healthy)');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(5_000);
      });
      expect(statusOf('fresh')).toBe('Up 5 seconds (healthy)');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(3 * 60_000);
      });
      expect(statusOf('fresh')).toBe('Up 3 minutes (healthy)');
      expect(statusOf('old')).toBe('Exited (1) 2 hours ago');
      // A line with no time to count from stays as the engine wrote it.
      expect(statusOf('as-listed')).toBe('Up 3 minutes');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows health from the status line', () => {
    renderWithClient(<ContainersPage />);
    connectedWith(container({ name: 'api', status: 'Up 2 minutes (unhealthy)' }));
    expect(within(screen.getByRole('row', { name: 'api' })).getByText('unhealthy')).toBeTruthy();
  });

  it('renders a hostile container name as text, never as HTML', () => {
    const name = '<img src=x onerror=alert(1)>';
    renderWithClient(<ContainersPage />);
    connectedWith(container({ name, image: '<b>bold</b>' }));
    const row = screen.getByRole('row', { name });
    expect(within(row).getByText(name)).toBeTruthy();
    expect(within(row).getByText('<b>bold</b>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('filters as the user types and says when nothing matches', () => {
    renderWithClient(<ContainersPage />);
    connectedWith(web, job);
    const filter = screen.getByRole('searchbox', { name: 'Filter containers' });
    fireEvent.change(filter, { target: { value: 'NGINX' } });
    expect(screen.getByText('1 of 2 containers')).toBeTruthy();
    expect(screen.queryByRole('row', { name: 'job' })).toBeNull();
    fireEvent.change(filter, { target: { value: 'postgres' } });
    expect(screen.getByText('No containers match')).toBeTruthy();
  });

  it('shows the reason instead of the list when the engine is unreachable', () => {
    renderWithClient(<ContainersPage />);
    connectedWith(web);
    act(() =>
      berthStore.getState().engine.setStatus(
        engineStatus({ state: 'unreachable', reason: { code: 'permission_denied', message: 'Permission denied on /var/run/docker.sock.' } }),
      ),
    );
    expect(screen.getByText('The engine is unreachable: Permission denied on /var/run/docker.sock.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks before removing, and offers a force remove after a conflict', async () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(web);
    fireEvent.click(screen.getByRole('button', { name: 'Remove web' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove web?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    const [removal] = host.callsOf('containers.remove');
    expect(removal?.params).toEqual({ id: web.id, force: false });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start web' }).disabled).toBe(true);
    await act(async () => {
      host.fail(removal!.id, { code: 'conflict', message: 'You cannot remove a running container. Stop the container before attempting removal or force remove.' });
      await settle();
    });

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('You cannot remove a running container.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Force remove' }));
    expect(host.callsOf('containers.remove')[1]?.params).toEqual({ id: web.id, force: true });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cancels a removal without calling the backend', () => {
    const { host } = renderWithClient(<ContainersPage />);
    connectedWith(web);
    fireEvent.click(screen.getByRole('button', { name: 'Remove web' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('containers.remove')).toEqual([]);
  });
});

describe('Containers page with many containers', () => {
  it('renders only the rows in view of a 2,000-row list', () => {
    renderWithClient(<ContainersPage />);
    const many = Array.from({ length: 2_000 }, (_, i) =>
      container({ id: i.toString(16).padStart(64, '0'), name: `c${i}`, created: 1_700_000_000 - i }),
    );
    connectedWith(...many);
    expect(screen.getByText('2000 containers')).toBeTruthy();
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('2001');
  });
});
