// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useOneTransfer } from './useOneTransfer.js';

afterEach(cleanup);

describe('useOneTransfer', () => {
  it('cancels the transfer at work when a new one begins, and Cancel stops the one at work and goes back to idle', () => {
    const { result } = renderHook(() => useOneTransfer<{ action: string }>());
    const cancelled: string[] = [];
    act(() => {
      result.current.begin('first', () => cancelled.push('first'), { action: 'save' });
    });
    expect(result.current.status).toMatchObject({ kind: 'working', text: 'first', action: 'save', bar: null });
    act(() => {
      result.current.begin('second', () => cancelled.push('second'), { action: 'load' });
    });
    expect(cancelled).toEqual(['first']);
    expect(result.current.status).toMatchObject({ kind: 'working', text: 'second', action: 'load' });
    const status = result.current.status;
    act(() => (status.kind === 'working' ? status.cancel() : undefined));
    expect(cancelled).toEqual(['first', 'second']);
    expect(result.current.status).toEqual({ kind: 'idle' });
  });

  it('leaves a finished transfer alone on unmount but cancels one at work', () => {
    const cancelled: string[] = [];
    const finished = renderHook(() => useOneTransfer<object>());
    act(() => {
      finished.result.current.begin('a backup', () => cancelled.push('backup'), {});
    });
    act(() => finished.result.current.finish({ kind: 'done', text: 'Saved' }));
    finished.unmount();
    expect(cancelled).toEqual([]);

    const working = renderHook(() => useOneTransfer<object>());
    act(() => {
      working.result.current.begin('a restore', () => cancelled.push('restore'), {});
    });
    working.unmount();
    expect(cancelled).toEqual(['restore']);
  });

  it('dismisses a result or an error but not a transfer at work', () => {
    const { result } = renderHook(() => useOneTransfer<object>());
    act(() => result.current.finish({ kind: 'error', text: 'Could not save' }));
    act(() => result.current.dismiss());
    expect(result.current.status).toEqual({ kind: 'idle' });
    act(() => {
      result.current.begin('a clone', () => {}, {});
    });
    act(() => result.current.dismiss());
    expect(result.current.status.kind).toBe('working');
  });
});
