// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { connectLink, followOn, linesEvent, logLine, logTime, nextFrame, sendLog } from './logTesting.js';
import { LogsTab } from './LogsTab.js';

beforeAll(() => giveElementsAHeight(400));
afterEach(cleanup);

const id = 'c'.repeat(64);

function renderTab() {
  const rendered = renderWithClient(<LogsTab engineId="engine-1" containerId={id} name="web" />);
  connectLink();
  return { ...rendered, log: () => screen.getByRole('log', { name: 'Log of web' }), follow: () => followOn(rendered.host) };
}

const rowTexts = (log: HTMLElement) => [...log.querySelectorAll('.log-row')].map((row) => row.textContent);

describe('the Logs tab', () => {
  it('follows the container on its engine, the last 1,000 lines first', () => {
    const { host } = renderTab();
    expect(host.sent.find((m) => m.kind === 'subscribe')).toMatchObject({ stream: 'logs.follow', engine: 'engine-1', params: { id, follow: true, tail: 1000 } });
  });

  it('shows lines as text: HTML is not run, colours are kept, other escape sequences are dropped', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(
      logLine(1, '<img src=x onerror=alert(1)>'), logLine(2, 'copy \x1b]52;c;aGVsbG8=\x07me \x1b[31mred\x1b[0m'), logLine(3, 'oops', 'stderr'),
    ));
    expect(rowTexts(log())).toEqual(['<img src=x onerror=alert(1)>', 'copy me red', 'stderr oops']);
    expect(log().querySelector('img')).toBeNull();
    const red = within(log()).getByText('red');
    expect(red.style.color).toBe('var(--ansi-1)');
    expect(log().querySelector('.log-row-stderr')?.textContent).toBe('stderr oops');
    expect(screen.getByText('3 lines · following new lines')).toBeTruthy();
  });

  it('shows marks as rows of their own', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(logLine(1, 'before')), { type: 'mark', kind: 'exited', time: logTime(2), exitCode: 3 }, { type: 'mark', kind: 'started', time: logTime(3) });
    expect(rowTexts(log())).toEqual(['before', '── Container exited with code 3 ──', '── Container started ──']);
    expect(log().querySelectorAll('.log-row-mark')).toHaveLength(2);
  });

  it('shows an unreadable log driver in one line instead of an empty view', async () => {
    const { host, follow } = renderTab();
    await sendLog(host, follow(), { type: 'unreadable', logDriver: 'none', message: 'The log driver "none" keeps no logs to read.' });
    expect(screen.queryByRole('log')).toBeNull();
    expect(screen.getByText('The log driver "none" keeps no logs to read.').getAttribute('role')).toBe('status');
  });

  it('says when stdout and stderr cannot be told apart', async () => {
    const { host, follow } = renderTab();
    await sendLog(host, follow(), { type: 'opened', name: 'web', tty: true, logDriver: 'json-file' });
    expect(screen.getByText(/a TTY container writes stdout and stderr as one stream: they cannot be told apart/)).toBeTruthy();
  });

  it('reads again with a new tail, and with a since it has checked', () => {
    const { host, follow } = renderTab();
    const first = follow();
    fireEvent.change(screen.getByRole('combobox', { name: 'Tail' }), { target: { value: 'all' } });
    expect(host.sent).toContainEqual({ kind: 'unsubscribe', id: first });
    expect(host.sent.at(-1)).toMatchObject({ kind: 'subscribe', params: { tail: 'all' } });

    const since = screen.getByRole('textbox', { name: 'Since' });
    fireEvent.change(since, { target: { value: '10 minutes' } });
    fireEvent.blur(since);
    expect(screen.getByRole('alert').textContent).toMatch(/^Since must be a date and time/);
    expect(since.getAttribute('aria-invalid')).toBe('true');
    const before = host.sent.length;
    fireEvent.change(since, { target: { value: '10m' } });
    fireEvent.keyDown(since, { key: 'Enter' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(host.sent.slice(before).at(-1)).toMatchObject({ kind: 'subscribe', params: { tail: 'all', since: '10m' } });
  });

  it('filters stdout and stderr, and shows timestamps on demand', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(logLine(1, 'out'), logLine(2, 'err', 'stderr')));
    fireEvent.click(screen.getByRole('checkbox', { name: 'stdout' }));
    await nextFrame();
    expect(rowTexts(log())).toEqual(['stderr err']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'stdout' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timestamps' }));
    await nextFrame();
    expect(rowTexts(log())[0]).toBe('2026-01-01T00:00:01.000000000Z out');
  });

  it('searches, counts, steps through matches and highlights the current one', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(logLine(1, 'value=41'), logLine(2, 'other'), logLine(3, 'value=42 value=43')));
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'value=4' } });
    await nextFrame();
    expect(screen.getByText('2 matching lines')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    await nextFrame();
    expect(screen.getByText('1 of 2 matching lines')).toBeTruthy();
    expect(log().querySelector('.log-match-current')?.textContent).toBe('value=4');
    expect(log().querySelector('.log-match-current')?.closest('.log-row')?.textContent).toBe('value=41');
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await nextFrame();
    expect(screen.getByText('2 of 2 matching lines')).toBeTruthy();
    expect(log().querySelectorAll('.log-row')[2]?.querySelectorAll('mark')).toHaveLength(2);
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    await nextFrame();
    expect(log().querySelector('.log-match-current')?.closest('.log-row')?.textContent).toBe('value=42 value=43');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only matching lines' }));
    await nextFrame();
    expect(rowTexts(log())).toEqual(['value=41', 'value=42 value=43']);
  });

  it('names a bad regular expression instead of searching', async () => {
    renderTab();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Regular expression' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'value=(' } });
    await nextFrame();
    expect(screen.getByRole('alert').textContent).toBe('Search: not a valid regular expression: Unterminated group');
    expect(screen.getByRole('searchbox', { name: 'Search' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('goes to the search box on / and Ctrl+F', () => {
    const { log } = renderTab();
    const box = screen.getByRole('searchbox', { name: 'Search' });
    act(() => log().focus());
    fireEvent.keyDown(log(), { key: '/' });
    expect(document.activeElement).toBe(box);
    act(() => log().focus());
    fireEvent.keyDown(log(), { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(box);
  });

  it('pauses when scrolled up, and follows again at the end', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(...Array.from({ length: 100 }, (_, i) => logLine(i, `line ${i}`))));
    fireEvent.wheel(log(), { deltaY: -100 });
    await nextFrame();
    expect(screen.getByText(/paused: Jump to end/)).toBeTruthy();
    fireEvent.keyDown(log(), { key: 'End' });
    await nextFrame();
    expect(screen.getByText(/following new lines/)).toBeTruthy();
    fireEvent.keyDown(log(), { key: 'Home' });
    await nextFrame();
    expect(screen.getByText(/paused/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Jump to end' }));
    await nextFrame();
    expect(screen.getByRole('button', { name: 'Jump to end' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('draws only the rows in view, and only a window of a million-character line', async () => {
    const { host, log, follow } = renderTab();
    await sendLog(host, follow(), linesEvent(...Array.from({ length: 5000 }, (_, i) => logLine(1, `line ${i}`)), logLine(2, 'x'.repeat(1_000_000))));
    const rows = log().querySelectorAll('.log-row');
    expect(rows.length).toBeLessThan(60);
    const longest = Math.max(...[...rows].map((row) => row.textContent?.length ?? 0));
    expect(longest).toBeLessThan(2000);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wrap lines' }));
    await nextFrame();
    expect(log().querySelectorAll('.log-row').length).toBeLessThan(60);
    expect(screen.getByText('5,001 lines · following new lines')).toBeTruthy();
  });

  it('downloads through the web host with the view choices', async () => {
    renderTab();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Timestamps' }));
    const link = screen.getByRole('link', { name: 'Download' });
    expect(link.getAttribute('href')).toBe(`/download/logs?id=${id}&tail=all&timestamps=1&stdout=1&stderr=1&engine=engine-1`);
    await nextFrame();
  });

  it('saves through the desktop save dialog when it runs in the Electron window', async () => {
    Object.assign(window, { berth: { send: () => undefined, onMessage: () => () => undefined } });
    try {
      const { host } = renderTab();
      fireEvent.change(screen.getByRole('textbox', { name: 'Until' }), { target: { value: '2026-01-01T00:00:00Z' } });
      fireEvent.blur(screen.getByRole('textbox', { name: 'Until' }));
      fireEvent.click(screen.getByRole('checkbox', { name: 'stderr' }));
      fireEvent.click(screen.getByRole('button', { name: 'Download' }));
      const save = host.callsOf('logs.save')[0]!;
      expect(save).toMatchObject({ engine: 'engine-1', params: { id, tail: 'all', timestamps: false, stdout: true, stderr: false, until: '2026-01-01T00:00:00Z' } });
      expect(save.params).not.toHaveProperty('path');
      await act(async () => {
        host.reply(save.id, { path: '/home/me/web.log', bytes: 2048 });
        await Promise.resolve();
      });
      expect(screen.getByText('Saved 2 KiB to /home/me/web.log')).toBeTruthy();
    } finally {
      delete (window as { berth?: unknown }).berth;
    }
  });
});
