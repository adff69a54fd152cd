import { describe, expect, it } from 'vitest';
import { pageFromHash } from '../../app/routes.js';
import { engineFromRunHash, imageFromRunHash, runHref, volumeFromRunHash } from './runRoute.js';
import { initialRunState } from './model/draftReducer.js';

describe('the Run page address', () => {
  it('links to the form, optionally for one image, and reads the image back', () => {
    expect(runHref()).toBe('#/run');
    const href = runHref('registry:5000/team/app:1.2');
    expect(href).toBe('#/run?image=registry%3A5000%2Fteam%2Fapp%3A1.2');
    expect(imageFromRunHash(href)).toBe('registry:5000/team/app:1.2');
    expect(imageFromRunHash('#/run')).toBe('');
  });

  it('names the engine to run on, and reads it back; none is the default engine', () => {
    const href = runHref('busybox:latest', '0123456789ab');
    expect(href).toBe('#/run?image=busybox%3Alatest&engine=0123456789ab');
    expect(imageFromRunHash(href)).toBe('busybox:latest');
    expect(engineFromRunHash(href)).toBe('0123456789ab');
    expect(engineFromRunHash(runHref('busybox'))).toBeNull();
    expect(runHref(undefined, 'e1')).toBe('#/run?engine=e1');
  });

  it('is routed to the run page with or without a query', () => {
    expect(pageFromHash('#/run')).toBe('run');
    expect(pageFromHash(runHref('busybox'))).toBe('run');
    expect(pageFromHash('#/containers')).toBe('containers');
  });
});

describe('the Run page opened for a volume', () => {
  it('carries the volume in its address and starts the form with it mounted at /data', () => {
    const href = runHref(undefined, 'engine-1', 'my data');
    expect(href).toBe('#/run?engine=engine-1&volume=my%20data');
    expect(volumeFromRunHash(href)).toBe('my data');
    expect(volumeFromRunHash('#/run?image=busybox')).toBeNull();
    const state = initialRunState({ image: '', volume: 'my-data' });
    expect(state.draft.mounts).toEqual([{ rowId: 1, type: 'volume', source: 'my-data', target: '/data', readOnly: false, options: '' }]);
    expect(state.nextRowId).toBe(2);
    expect(initialRunState({ image: 'busybox', volume: null }).draft.mounts).toEqual([]);
  });
});
