// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { container } from '../../testing/fakeHost.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { composeProjectLabel } from '../containers/composeGroups.js';
import { connectLink, followOn, linesEvent, logLine, sendLog } from './logTesting.js';
import { LogsPage } from './LogsPage.js';

beforeAll(() => giveElementsAHeight(400));
afterEach(cleanup);

const web = container({ id: 'w'.repeat(64), name: 'web', labels: { [composeProjectLabel]: 'shop' } });
const db = container({ id: 'd'.repeat(64), engineId: 'engine-2', name: 'db', state: 'exited' });
const worker = container({ id: 'k'.repeat(64), name: 'worker', labels: { [composeProjectLabel]: 'shop' } });

function renderPage() {
  const rendered = renderWithClient(<LogsPage />);
  connectLink();
  act(() => {
    berthStore.getState().containers.replaceEngine('engine-1', [web, worker]);
    berthStore.getState().containers.replaceEngine('engine-2', [db]);
  });
  return rendered;
}

const rowTexts = () => [...screen.getByRole('log').querySelectorAll('.log-row')].map((row) => row.textContent?.trim());

describe('the Logs page', () => {
  it('asks for containers first', () => {
    const { host } = renderPage();
    expect(screen.getByText('Pick one or more containers to see their logs together.')).toBeTruthy();
    expect(host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'logs.follow')).toEqual([]);
  });

  it('interleaves picked containers of two engines by engine time, each line named', async () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('checkbox', { name: /^web/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^db/ }));
    expect(screen.getByRole('log', { name: 'Logs of 2 containers' })).toBeTruthy();
    await sendLog(host, followOn(host, 'engine-1'), linesEvent(logLine(1, 'web one'), logLine(3, 'web three')));
    await sendLog(host, followOn(host, 'engine-2'), linesEvent(logLine(2, 'db two'), logLine(4, 'db four')));
    expect(rowTexts()).toEqual(['web  web one', 'db   db two', 'web  web three', 'db   db four']);
    const colors = [...screen.getByRole('log').querySelectorAll('.log-source')].map((name) => name.className);
    expect(colors[0]).toBe(colors[2]);
    expect(colors[0]).not.toBe(colors[1]);

    // Unpicked: its subscription ends and its lines leave.
    const dbFollow = followOn(host, 'engine-2');
    fireEvent.click(screen.getByRole('checkbox', { name: /^db/ }));
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: dbFollow });
    await sendLog(host, followOn(host, 'engine-1'), linesEvent());
    expect(rowTexts()).toEqual(['web  web one', 'web  web three']);
  });

  it('follows a compose project, and every running container', () => {
    const { host } = renderPage();
    fireEvent.click(screen.getByRole('radio', { name: 'A compose project' }));
    const followed = () => host.sent.filter((m) => m.kind === 'subscribe' && m.stream === 'logs.follow').map((m) => (m.kind === 'subscribe' ? (m.params as { id: string }).id[0] : ''));
    expect(followed()).toEqual(['w', 'k']);
    // The same two run: they go on as they were.
    fireEvent.click(screen.getByRole('radio', { name: 'All running containers' }));
    expect(followed()).toEqual(['w', 'k']);
    // One that starts joins; once it stops it stays, with its lines and its exit.
    act(() => berthStore.getState().containers.replaceEngine('engine-2', [{ ...db, state: 'running' }]));
    expect(followed()).toEqual(['w', 'k', 'd']);
    act(() => berthStore.getState().containers.replaceEngine('engine-2', [db]));
    expect(host.sent.filter((m) => m.kind === 'unsubscribe')).toEqual([]);
  });
});
