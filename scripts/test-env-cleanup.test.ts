import { describe, expect, it } from 'vitest';
import { mountPointsUnder } from './test-env-cleanup.js';

const mountinfo = [
  '25 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
  '900 25 254:0 /tmp/berth-test-Ab12Cd/engine/data /tmp/berth-test-Ab12Cd/engine/data rw - ext4 /dev/vda rw',
  '901 900 0:60 / /tmp/berth-test-Ab12Cd/engine/data/overlay2/0123/merged rw - overlay overlay rw',
  '902 25 0:4 net:[4026532301] /tmp/berth-test-Ab12Cd/engine/x/netns/d9066b94d553 rw - nsfs nsfs rw',
  '903 25 0:61 / /tmp/berth-test-Ab12Cd-other/with\\040space rw - tmpfs tmpfs rw',
  '904 25 0:62 / /tmp/berth-test-Ab12Cd/odd\\040name rw - tmpfs tmpfs rw',
].join('\n');

describe('mountPointsUnder', () => {
  it('finds every mount under the directory, deepest first, and decodes escaped spaces', () => {
    expect(mountPointsUnder(mountinfo, '/tmp/berth-test-Ab12Cd')).toEqual([
      '/tmp/berth-test-Ab12Cd/engine/data/overlay2/0123/merged',
      '/tmp/berth-test-Ab12Cd/engine/x/netns/d9066b94d553',
      '/tmp/berth-test-Ab12Cd/engine/data',
      '/tmp/berth-test-Ab12Cd/odd name',
    ]);
  });

  it('does not take a sibling directory with the same prefix', () => {
    expect(mountPointsUnder(mountinfo, '/tmp/berth-test-Ab12Cd-other')).toEqual(['/tmp/berth-test-Ab12Cd-other/with space']);
    expect(mountPointsUnder(mountinfo, '/tmp/berth-test-Zz')).toEqual([]);
  });
});
