// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { giveElementsAHeight, renderWithClient } from '../../testing/renderWithClient.js';
import { connectLink, followOn, linesEvent, logLine, sendLog } from './logTesting.js';
import { LogsTab } from './LogsTab.js';

beforeAll(() => giveElementsAHeight(400));
afterEach(() => {
  cleanup();
  berthStore.getState().settings.set(defaultSettings);
});

/** The tab, opened by a click: after the test has set the settings in the store renderWithClient reset. */
function OpenedLater() {
  const [isOpen, setOpen] = useState(false);
  return isOpen ? (
    <LogsTab engineId="engine-1" containerId={'c'.repeat(64)} name="web" />
  ) : (
    <button type="button" onClick={() => setOpen(true)}>
      Open
    </button>
  );
}

describe('a log view with the settings', () => {
  it("holds the settings' number of lines, reads their tail and starts with their timestamps and wrap", async () => {
    const rendered = renderWithClient(<OpenedLater />);
    berthStore.getState().settings.set(applySettingsPatch(defaultSettings, { logs: { bufferLines: 1_000, defaultTail: 100, timestamps: true, wrap: true } }));
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    connectLink();
    expect(rendered.host.sent.find((m) => m.kind === 'subscribe')).toMatchObject({ stream: 'logs.follow', params: { tail: 100 } });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Timestamps' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Wrap lines' }).checked).toBe(true);
    await sendLog(rendered.host, followOn(rendered.host), linesEvent(...Array.from({ length: 1_500 }, (_, i) => logLine(i, `line ${i}`))));
    expect(screen.getByText(/the newest 1,000: older lines are dropped/)).toBeTruthy();
  });
});
