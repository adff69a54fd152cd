import { describe, expect, it } from 'vitest';
import type { EngineTransport } from './transport.js';
import { ArchiveCalls } from './archive.js';

const unused = {} as EngineTransport;

describe('where an archive is extracted to land in a mounted volume', () => {
  it('is one level up on Docker, the entries under the mount\'s name, so the root entry reaches the volume\'s root', () => {
    expect(new ArchiveCalls(unused, 'docker').extractionPlan('/berth-restore/volume')).toEqual({ path: '/berth-restore', entriesUnder: 'volume' });
    expect(new ArchiveCalls(unused, 'docker').extractionPlan('/data')).toEqual({ path: '/', entriesUnder: 'data' });
  });

  it('is the mount point itself on Podman, which writes anything one level up into the container\'s own files', () => {
    expect(new ArchiveCalls(unused, 'podman').extractionPlan('/berth-restore/volume')).toEqual({ path: '/berth-restore/volume', entriesUnder: null });
  });
});
