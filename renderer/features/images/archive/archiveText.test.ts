import { describe, expect, it } from 'vitest';
import { loadedText, loadProgressText, progressValue, saveProgressText } from './archiveText.js';

describe('archive texts', () => {
  it('says the bytes done, and the estimate or the total when known', () => {
    expect(saveProgressText(1_572_864, 41_943_040)).toBe('Saving 1.5 MiB of about 40 MiB');
    expect(saveProgressText(1_572_864, null)).toBe('Saving 1.5 MiB');
    expect(loadProgressText(0, 2048)).toBe('Loading 0 B of 2 KiB');
  });

  it('caps the bar at its total, and has none without one', () => {
    expect(progressValue(50, 100)).toEqual({ value: 50, max: 100 });
    expect(progressValue(150, 100)).toEqual({ value: 100, max: 100 });
    expect(progressValue(5, null)).toBeNull();
    expect(progressValue(5, 0)).toBeNull();
  });

  it('names what was loaded', () => {
    expect(loadedText({ references: ['app:1'], ids: [] })).toBe('Loaded app:1');
    expect(loadedText({ references: ['app:1', 'app:2', 'busybox:latest'], ids: [] })).toBe('Loaded app:1, app:2 and busybox:latest');
    expect(loadedText({ references: ['app:1'], ids: [`sha256:${'a'.repeat(64)}`, `sha256:${'b'.repeat(64)}`] })).toBe('Loaded app:1; images aaaaaaaaaaaa, bbbbbbbbbbbb');
    expect(loadedText({ references: [], ids: [] })).toBe('The archive held no images.');
  });
});
