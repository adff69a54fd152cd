import type { Disposable } from '../api/index.js';

/**
 * A part made on first use and kept until disposed (a live list is made by the first read or
 * watch of it, then lives as long as its engine connection's handlers).
 */
export class Lazy<T extends Disposable> implements Disposable {
  private value: T | null = null;
  private isDisposed = false;

  constructor(private readonly make: () => T) {}

  /** The part, made now if it was not yet; null once disposed. */
  get(): T | null {
    if (this.isDisposed) return null;
    return (this.value ??= this.make());
  }

  /** The part if something made it already (Berth's own writes patch it; none is made for them). */
  get existing(): T | null {
    return this.value;
  }

  dispose(): void {
    this.isDisposed = true;
    this.value?.dispose();
    this.value = null;
  }
}
