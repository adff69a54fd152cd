import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { docker, testImage, uniqueName } from './real-engine.js';

/** An image `TestImages.make` made. */
export interface TestImage {
  /** `it-xxxxxx-label:it`, or the id for an untagged image. */
  tag: string;
  /** The full image id, `sha256:...`. */
  id: string;
}

/**
 * Images a test makes for itself on the REAL test engine from the busybox test image (there is
 * no registry to pull from but the private one), so it may remove, prune or load them back
 * without touching the images other tests use. Each is removed by `removeAll` (afterAll).
 * `docker build` with the classic builder, as the test engine has no BuildKit.
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

  /**
   * A new image: the test image plus a layer of `randomBytes` bytes (random, so no two images
   * share it and it does not compress). Tagged `it-xxxxxx-label:it` unless `tag` is false (then
   * `tag` is the id, which is what names it).
   */
  async make(label: string, randomBytes: number, { tag = true } = {}): Promise<TestImage> {
    const container = uniqueName(`${label}-source`);
    const name = `${uniqueName(label)}:it`;
    await docker('run', '--name', container, testImage(), 'sh', '-c', `head -c ${randomBytes} /dev/urandom > /data; echo ${name} > /label`);
    try {
      const id = this.track(await docker('commit', container, ...(tag ? [name] : [])));
      return { tag: tag ? name : id, id };
    } finally {
      await docker('rm', container);
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
