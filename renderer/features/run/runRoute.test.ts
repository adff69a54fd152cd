import { describe, expect, it } from 'vitest';
import { pageFromHash } from '../../app/routes.js';
import { engineFromRunHash, imageFromRunHash, runHref } from './runRoute.js';

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
