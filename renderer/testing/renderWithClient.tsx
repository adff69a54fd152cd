import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { BerthClient } from '../../runtime/api/index.js';
import { ClientSourceContext } from '../app/connectionContext.js';
import { berthStore } from '../stores/store.js';
import { FakeHost } from './fakeHost.js';

/** Renders UI against a fresh app store and a client whose host is a FakeHost. */
export function renderWithClient(ui: ReactElement): RenderResult & { host: FakeHost } {
  berthStore.setState(berthStore.getInitialState(), true);
  const host = new FakeHost();
  const client = new BerthClient(host.port);
  const result = render(<ClientSourceContext value={() => client}>{ui}</ClientSourceContext>);
  return { ...result, host };
}

/** happy-dom lays nothing out; give scroll containers a height so virtual lists render rows. */
export function giveElementsAHeight(heightPx = 800): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => heightPx });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
}
