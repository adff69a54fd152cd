import { hasControls, stripAnsi } from './ansi.js';

/**
 * The view's lines: a bounded buffer ordered by engine time, outside any store. A line's text
 * and numbers (seconds, nanoseconds, flags, source) sit in a slot of parallel arrays (typed
 * arrays for the numbers), never one object per line, and never move; the time order is one
 * Int32Array of slots. Lines mostly arrive in order and are appended (O(batch)). A batch older
 * than the newest line (another container's, a late one) is merged from the back: the later
 * lines' slots shift right with `copyWithin` (a memmove of 4 bytes a line), the insertion point
 * found by searching back from the end. When full, the oldest lines go and their slots are
 * reused.
 *
 * Positions: `index` runs 0..length-1 from the oldest line held; `position = dropped + index`
 * names a line for as long as it is held (lines leaving at the front do not move the others'),
 * which is what the search and filter indexes keep.
 */

export const defaultLogCapacity = 1_000_000;

/** `flags` bits: the stream (or a mark row), and whether the text has escape sequences or controls. */
export const lineFlag = { stderr: 1, mark: 2, controls: 4 } as const;

/**
 * At least as long as the line as shown, without stripping it (which would keep a second copy
 * of every coloured line): escapes only shorten a line, a tab widens it by at most 7.
 */
export function shownLengthAtMost(text: string, flags: number): number {
  if ((flags & lineFlag.controls) === 0) return text.length;
  let tabs = 0;
  for (let at = text.indexOf('\t'); at !== -1; at = text.indexOf('\t', at + 1)) tabs++;
  return text.length + 7 * tabs;
}

/** Lines to add, as parallel arrays (their order within the batch does not matter). */
export interface LineBatch {
  texts: string[];
  seconds: number[];
  nanos: number[];
  /** `lineFlag.stderr` / `lineFlag.mark`; `controls` is worked out here. */
  flags: number[];
  sources: number[];
}

export function emptyBatch(): LineBatch {
  return { texts: [], seconds: [], nanos: [], flags: [], sources: [] };
}

/** What an update changed: positions below `dropped` are gone, positions from `changedFrom` on are new or rewritten. */
export interface BufferChange {
  dropped: number;
  changedFrom: number;
}

/** Most lines one merge step takes; a bigger batch is added in steps, so the buffer never holds more than capacity + this. */
const maxStep = 16_384;
const initialSlots = 1024;

export class LogBuffer {
  length = 0;
  /** Lines that left from the front since the buffer was made. */
  dropped = 0;
  private texts: (string | undefined)[] = [];
  private plains: (string | undefined)[] = [];
  private secondsOf = new Float64Array(0);
  private nanosOf = new Uint32Array(0);
  private flagsOf = new Uint8Array(0);
  private sourcesOf = new Uint16Array(0);
  private slotCount = 0;
  private freeSlots: number[] = [];
  /** The slots in time order: `order[head + index]`. */
  private order = new Int32Array(0);
  private head = 0;

  constructor(readonly capacity: number = defaultLogCapacity) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000_000) throw new RangeError(`capacity must be an integer from 1 to 100,000,000, not ${capacity}`);
  }

  private slotOf(index: number): number {
    return this.order[this.head + index]!;
  }

  text(index: number): string {
    return this.texts[this.slotOf(index)] ?? '';
  }

  /** The text as shown and searched: without escape sequences (worked out once, when first asked). */
  plain(index: number): string {
    const slot = this.slotOf(index);
    const text = this.texts[slot] ?? '';
    if ((this.flagsOf[slot]! & lineFlag.controls) === 0) return text;
    return (this.plains[slot] ??= stripAnsi(text));
  }

  seconds(index: number): number {
    return this.secondsOf[this.slotOf(index)]!;
  }

  nanos(index: number): number {
    return this.nanosOf[this.slotOf(index)]!;
  }

  flags(index: number): number {
    return this.flagsOf[this.slotOf(index)]!;
  }

  source(index: number): number {
    return this.sourcesOf[this.slotOf(index)]!;
  }

  /** Adds lines in time order (equal times keep their arrival order); O(batch) when they are newer than every line held. */
  add(batch: LineBatch): BufferChange {
    const order = sortedOrder(batch);
    let changedFrom = this.dropped + this.length;
    for (let start = 0; start < order.length; start += maxStep) {
      const change = this.addSorted(batch, order, start, Math.min(order.length, start + maxStep));
      changedFrom = Math.min(changedFrom, change);
    }
    return { dropped: this.dropped, changedFrom: Math.max(changedFrom, this.dropped) };
  }

  /** Removes every line of one source (a container taken out of the view): O(length). */
  removeSource(source: number): BufferChange {
    let kept = 0;
    let firstRemoved = -1;
    for (let index = 0; index < this.length; index++) {
      const slot = this.slotOf(index);
      if (this.sourcesOf[slot] === source) {
        if (firstRemoved < 0) firstRemoved = index;
        this.release(slot);
      } else this.order[this.head + kept++] = slot;
    }
    const changedFrom = this.dropped + (firstRemoved < 0 ? this.length : firstRemoved);
    this.length = kept;
    return { dropped: this.dropped, changedFrom };
  }

  clear(): BufferChange {
    this.dropped += this.length;
    this.length = 0;
    this.head = 0;
    this.texts = [];
    this.plains = [];
    this.slotCount = 0;
    this.freeSlots = [];
    this.secondsOf = new Float64Array(0);
    this.nanosOf = new Uint32Array(0);
    this.flagsOf = new Uint8Array(0);
    this.sourcesOf = new Uint16Array(0);
    this.order = new Int32Array(0);
    return { dropped: this.dropped, changedFrom: this.dropped };
  }

  /** Merges `order[from..to)` (ascending) from the back; returns the position of the first line rewritten. */
  private addSorted(batch: LineBatch, order: number[], from: number, to: number): number {
    const count = to - from;
    const first = order[from]!;
    const at = this.insertionPoint(batch.seconds[first]!, batch.nanos[first]!);
    const changedFrom = this.dropped + at;
    this.ensureRoom(count);
    let tailEnd = this.head + this.length; // exclusive, in `order`
    const tailStart = this.head + at;
    let out = tailEnd + count;
    for (let next = to - 1; next >= from; next--) {
      const line = order[next]!;
      const seconds = batch.seconds[line]!;
      const nanos = batch.nanos[line]!;
      // The tail's lines later than this one move right past it, in one memmove.
      const later = this.firstLater(tailStart, tailEnd, seconds, nanos);
      const run = tailEnd - later;
      if (run > 0) {
        this.order.copyWithin(out - run, later, tailEnd);
        out -= run;
        tailEnd = later;
      }
      this.order[--out] = this.take(batch, line);
    }
    this.length += count;
    if (this.length > this.capacity) {
      const drop = this.length - this.capacity;
      for (let index = 0; index < drop; index++) this.release(this.slotOf(index));
      this.head += drop;
      this.length -= drop;
      this.dropped += drop;
    }
    return changedFrom;
  }

  /** The first index in order[low..high) whose line is later than the given time. */
  private firstLater(low: number, high: number, seconds: number, nanos: number): number {
    while (low < high) {
      const middle = (low + high) >>> 1;
      const slot = this.order[middle]!;
      if (isNotLater(this.secondsOf[slot]!, this.nanosOf[slot]!, seconds, nanos)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** How many lines from the start the batch's oldest line goes after: searched back from the end, since it is mostly the end. */
  private insertionPoint(seconds: number, nanos: number): number {
    const end = this.head + this.length;
    let high = end;
    let step = 1;
    let low = Math.max(this.head, high - step);
    while (low > this.head && !this.isSlotNotLater(low, seconds, nanos)) {
      high = low;
      step *= 2;
      low = Math.max(this.head, high - step);
    }
    return this.firstLater(low, high, seconds, nanos) - this.head;
  }

  private isSlotNotLater(at: number, seconds: number, nanos: number): boolean {
    const slot = this.order[at]!;
    return isNotLater(this.secondsOf[slot]!, this.nanosOf[slot]!, seconds, nanos);
  }

  /** Stores one batch line in a free slot and returns the slot. */
  private take(batch: LineBatch, line: number): number {
    const slot = this.freeSlots.pop() ?? this.slotCount++;
    const text = batch.texts[line]!;
    this.texts[slot] = text;
    this.plains[slot] = undefined;
    this.secondsOf[slot] = batch.seconds[line]!;
    this.nanosOf[slot] = batch.nanos[line]!;
    this.flagsOf[slot] = (batch.flags[line]! & ~lineFlag.controls) | (hasControls(text) ? lineFlag.controls : 0);
    this.sourcesOf[slot] = batch.sources[line]!;
    return slot;
  }

  private release(slot: number): void {
    this.texts[slot] = undefined;
    this.plains[slot] = undefined;
    this.freeSlots.push(slot);
  }

  /** Makes room for `count` more lines: slots (grown by doubling) and order entries after the last (slid back to 0 when short). */
  private ensureRoom(count: number): void {
    const lines = this.length + count;
    const slotsNeeded = this.slotCount + Math.max(0, count - this.freeSlots.length);
    if (slotsNeeded > this.secondsOf.length) {
      const size = Math.min(this.capacity + maxStep, Math.max(slotsNeeded, this.secondsOf.length * 2, initialSlots));
      this.secondsOf = grown(this.secondsOf, new Float64Array(size));
      this.nanosOf = grown(this.nanosOf, new Uint32Array(size));
      this.flagsOf = grown(this.flagsOf, new Uint8Array(size));
      this.sourcesOf = grown(this.sourcesOf, new Uint16Array(size));
    }
    if (this.head + lines <= this.order.length) return;
    if (lines * 2 <= this.order.length) {
      this.order.copyWithin(0, this.head, this.head + this.length);
    } else {
      const next = new Int32Array(Math.max(lines * 2, initialSlots));
      next.set(this.order.subarray(this.head, this.head + this.length));
      this.order = next;
    }
    this.head = 0;
  }
}

function grown<T extends Float64Array | Uint32Array | Uint8Array | Uint16Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

function isNotLater(aSeconds: number, aNanos: number, bSeconds: number, bNanos: number): boolean {
  return aSeconds < bSeconds || (aSeconds === bSeconds && aNanos <= bNanos);
}

/** The batch's indexes in time order, stable; O(batch) when it is already in order, as it mostly is. */
function sortedOrder(batch: LineBatch): number[] {
  const count = batch.texts.length;
  const order = Array.from({ length: count }, (_, index) => index);
  let isSorted = true;
  for (let index = 1; index < count && isSorted; index++) {
    isSorted = isNotLater(batch.seconds[index - 1]!, batch.nanos[index - 1]!, batch.seconds[index]!, batch.nanos[index]!);
  }
  if (!isSorted) order.sort((a, b) => batch.seconds[a]! - batch.seconds[b]! || batch.nanos[a]! - batch.nanos[b]! || a - b);
  return order;
}
