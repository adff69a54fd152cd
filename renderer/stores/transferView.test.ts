import { describe, expect, it } from 'vitest';
import type { TransferProgress } from '../../runtime/api/index.js';
import { progress } from './transferTesting.js';
import { applyTransferProgress, describeSecondsLeft, startTransfer } from './transferView.js';

const event = (layers: TransferProgress['layers'], extra: Partial<TransferProgress> = {}): TransferProgress => progress({ layers, ...extra });

describe('applyTransferProgress', () => {
  it('keeps layers in the order first named, replacing changed ones in place', () => {
    let view = startTransfer('pull', 'app:1');
    view = applyTransferProgress(view, event([{ id: 'a', state: 'waiting', status: 'Pulling fs layer' }, { id: 'b', state: 'waiting', status: 'Pulling fs layer' }]));
    view = applyTransferProgress(view, event([{ id: 'c', state: 'exists', status: 'Already exists' }, { id: 'a', state: 'downloading', status: 'Downloading', current: 1, total: 4 }], { percent: 12, message: 'Pulling from app' }));
    expect(view.layers.map((layer) => [layer.id, layer.state])).toEqual([['a', 'downloading'], ['b', 'waiting'], ['c', 'exists']]);
    expect(view.overall).toMatchObject({ percent: 12, message: 'Pulling from app' });
    expect(view.overall).not.toHaveProperty('layers');
  });

  it('an event with no layer changes keeps the same layer list', () => {
    const view = applyTransferProgress(startTransfer('push', 'app:1'), event([{ id: 'a', state: 'waiting', status: 'Preparing' }]));
    expect(applyTransferProgress(view, event([], { percent: 5 })).layers).toBe(view.layers);
  });
});

describe('describeSecondsLeft', () => {
  it.each([
    [5, '5 s'],
    [65, '1 min 05 s'],
    [3725, '1 h 02 min'],
  ])('%i', (seconds, text) => {
    expect(describeSecondsLeft(seconds)).toBe(text);
  });
});
