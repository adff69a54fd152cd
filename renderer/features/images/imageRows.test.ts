import { describe, expect, it } from 'vitest';
import { container, image } from '../../testing/fakeHost.js';
import { containerCountsByImage, matchesImageFilter, rowsOfImage, shortImageId, visibleImageRows } from './imageRows.js';

const busyboxId = 'sha256:0123456789abcdef' + '0'.repeat(48);
const busybox = image({ id: busyboxId, repoTags: ['busybox:latest', 'mine/busybox:1'], created: 1_700_000_000 });
const dangling = image({ id: 'sha256:fedcba9876543210' + '0'.repeat(48), repoTags: [], created: 1_700_000_500 });
const old = image({ id: 'sha256:' + 'a'.repeat(64), repoTags: ['alpine:3.19'], created: 1_600_000_000 });

describe('image rows', () => {
  it('has one row per tag, each acting on its tag', () => {
    expect(rowsOfImage(busybox).map((row) => [row.tag, row.ref, row.label, row.shortId])).toEqual([
      ['busybox:latest', 'busybox:latest', 'busybox:latest', '0123456789ab'],
      ['mine/busybox:1', 'mine/busybox:1', 'mine/busybox:1', '0123456789ab'],
    ]);
  });

  it('shows an untagged image as <none>, acting on its full id', () => {
    const [row] = rowsOfImage(dangling);
    expect(row).toMatchObject({ tag: '<none>', ref: dangling.id, label: 'image fedcba987654', key: dangling.id });
  });

  it('sorts newest first, tags breaking ties', () => {
    const byId = { [busybox.id]: busybox, [dangling.id]: dangling, [old.id]: old };
    expect(visibleImageRows(byId, '').map((row) => row.tag)).toEqual(['<none>', 'busybox:latest', 'mine/busybox:1', 'alpine:3.19']);
  });

  it('filters by part of the tag, any case, or by the start of the id', () => {
    const [latest] = rowsOfImage(busybox);
    expect(matchesImageFilter(latest!, 'BUSY')).toBe(true);
    expect(matchesImageFilter(latest!, ':lat')).toBe(true);
    expect(matchesImageFilter(latest!, '0123')).toBe(true);
    expect(matchesImageFilter(latest!, 'sha256:0123')).toBe(true);
    expect(matchesImageFilter(latest!, '123')).toBe(false);
    expect(matchesImageFilter(latest!, 'alpine')).toBe(false);
    const byId = { [busybox.id]: busybox, [old.id]: old };
    expect(visibleImageRows(byId, 'mine').map((row) => row.tag)).toEqual(['mine/busybox:1']);
  });

  it('counts the containers of each image from the container list', () => {
    const counts = containerCountsByImage({
      a: container({ id: 'a', imageId: busybox.id }),
      b: container({ id: 'b', imageId: busybox.id, state: 'exited' }),
      c: container({ id: 'c', imageId: old.id }),
    });
    expect(counts.get(busybox.id)).toBe(2);
    expect(counts.get(old.id)).toBe(1);
    expect(counts.get(dangling.id)).toBeUndefined();
  });

  it('short ids drop the algorithm', () => {
    expect(shortImageId(busyboxId)).toBe('0123456789ab');
    expect(shortImageId('0123456789abcdef')).toBe('0123456789ab');
  });
});
