// Test-only: images of a test's own, made on the REAL test engine from the test image, so a
// test may remove and load them back without touching the images other tests use.
import { docker, testImage, uniqueName } from './real-engine.js';

export interface TestImage {
  /** `it-xxxxxx-label:it`, or null for an untagged image. */
  tag: string;
  /** The full image id, `sha256:...`. */
  id: string;
}

export class TestImages {
  private readonly made: string[] = [];

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
      const id = await docker('commit', container, ...(tag ? [name] : []));
      this.made.push(id);
      return { tag: tag ? name : id, id };
    } finally {
      await docker('rm', container);
    }
  }

  /** Removes every image made, with all its tags (each alone: one already gone must not keep the others). */
  async removeAll(): Promise<void> {
    for (const id of this.made.splice(0)) await docker('rmi', '-f', id).catch(() => undefined);
  }
}
