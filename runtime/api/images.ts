/** `images.remove`: what the engine did, in its order (as `docker rmi` prints it). */
export interface ImageRemoval {
  /** References that no longer name the image, e.g. `busybox:1.36`. */
  untagged: string[];
  /** Ids of images (and their layers) deleted from disk; empty when other tags still name it. */
  deleted: string[];
}
