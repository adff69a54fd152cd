import { describe, expect, it } from 'vitest';
import { imageHref, imageRouteFromHash, pageFromHash } from './routes.js';

const imageId = `sha256:${'b'.repeat(64)}`;

describe('image routes', () => {
  it('names an image page by engine and full id, and reads both back', () => {
    const href = imageHref('engine one', imageId);
    expect(href).toBe(`#/images/engine%20one/sha256%3A${'b'.repeat(64)}`);
    expect(imageRouteFromHash(href)).toEqual({ engineId: 'engine one', imageId });
    expect(pageFromHash(href)).toBe('images');
  });

  it('is no image page on the list, another page, or a malformed address', () => {
    expect(imageRouteFromHash('#/images')).toBeNull();
    expect(imageRouteFromHash('#/images/e1')).toBeNull();
    expect(imageRouteFromHash('#/images/e1/x/extra')).toBeNull();
    expect(imageRouteFromHash(`#/containers/e1/${imageId}`)).toBeNull();
    expect(imageRouteFromHash('#/images/e1/%E0%A4%A')).toBeNull();
  });
});
