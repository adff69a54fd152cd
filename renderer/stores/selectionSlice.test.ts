import { describe, expect, it } from 'vitest';
import { createBerthStore } from './store.js';

describe('selection slice', () => {
  it('selects and deselects many ids at once, and clears', () => {
    const store = createBerthStore();
    const { selection } = store.getState();
    selection.setContainersSelected(['a', 'b', 'c'], true);
    store.getState().selection.setContainersSelected(['b'], false);
    expect(store.getState().selection.containerKeys).toEqual({ a: true, c: true });
    store.getState().selection.clearContainerSelection();
    expect(store.getState().selection.containerKeys).toEqual({});
  });
});
