import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { docker, testImage } from './real-engine.js';

/**
 * Images a test builds for itself from the busybox test image (there is no registry to pull
 * from but the private one), each removed by `removeAll` (afterAll). `docker build` with the
 * classic builder, as the test engine has no BuildKit.
 */
export class TestImages {
  private readonly refs = new Set<string>();

  /** Builds `dockerfile` (its `FROM` line is added: the test image) and answers the image id; `tag` names it. */
  build(dockerfile: string, tag?: string, files: Record<string, string> = {}): Promise<string> {
    return this.buildFrom(testImage(), dockerfile, tag, files);
  }

  /** Builds `dockerfile` on top of image `base` and answers the image id; `tag` names it. */
  async buildFrom(base: string, dockerfile: string, tag?: string, files: Record<string, string> = {}): Promise<string> {
    const context = await mkdtemp(path.join(os.tmpdir(), 'berth-image-'));
    try {
      await writeFile(path.join(context, 'Dockerfile'), `FROM ${base}\n${dockerfile}\n`);
      for (const [name, content] of Object.entries(files)) await writeFile(path.join(context, name), content);
      const id = (await docker('build', '-q', ...(tag === undefined ? [] : ['-t', tag]), context)).split('\n').pop() ?? '';
      this.track(id);
      if (tag !== undefined) this.track(tag);
      return id;
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  }

  /** An image (id or tag) the test made another way, removed with the rest. */
  track(ref: string): string {
    this.refs.add(ref);
    return ref;
  }

  async removeAll(): Promise<void> {
    // Tags first, then ids; one by one, so one already gone keeps none of the others.
    const refs = [...this.refs].sort((a, b) => Number(a.startsWith('sha256:')) - Number(b.startsWith('sha256:')));
    for (const ref of refs) await docker('rmi', '-f', ref).catch(() => undefined);
    this.refs.clear();
  }
}
