// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { settle } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import TerminalPanel from './TerminalPanel.js';

afterEach(cleanup);

async function renderPanel() {
  const rendered = renderWithClient(<TerminalPanel engineId="engine-1" containerId="web" name="web" isRunning={true} isInteractive={false} />);
  await act(async () => {
    berthStore.getState().engine.setLink({ state: 'connected' });
    await settle();
  });
  return rendered;
}

function runCommand(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Command' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: /Open (new )?shell/ }));
}

describe('the terminal panel', () => {
  it('opens a shell in a container not started with -it', async () => {
    const { host } = await renderPanel();
    expect(host.sent.filter((m) => m.kind === 'subscribe')).toMatchObject([{ stream: 'exec.open', params: { id: 'web', command: ['sh'] } }]);
    expect(screen.getByRole('region', { name: 'Terminal of web' })).toBeTruthy();
  });

  it('names the Command field and the reason for a command it cannot run, and opens nothing', async () => {
    const { host } = await renderPanel();
    const opened = host.sent.filter((m) => m.kind === 'subscribe').length;
    runCommand('   ');
    expect(screen.getByRole('alert').textContent).toBe('Command: type the program to run, e.g. sh.');
    runCommand("bash -c 'echo");
    expect(screen.getByRole('alert').textContent).toMatch(/^Command: .*quote/i);
    expect(screen.getByRole('textbox', { name: 'Command' }).getAttribute('aria-invalid')).toBe('true');
    expect(host.sent.filter((m) => m.kind === 'subscribe')).toHaveLength(opened);
  });

  it('runs the typed command as an argument list', async () => {
    const { host } = await renderPanel();
    runCommand("sh -c 'top -b'");
    await act(settle);
    expect(host.sent.filter((m) => m.kind === 'subscribe').at(-1)).toMatchObject({ stream: 'exec.open', params: { command: ['sh', '-c', 'top -b'] } });
  });
});
