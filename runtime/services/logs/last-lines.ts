import { compareInstants, type Instant } from '../../api/engine-time.js';

export interface TimedLine extends Instant {
  isStderr: boolean;
  text: string;
}

/** The last lines of a read, up to about a text limit (the newest line is always kept): what `sendLastLines` sends. */
export class LastLines {
  /** Lines let go are emptied in place, from `start` on the front. */
  private readonly lines: (TimedLine | undefined)[] = [];
  private start = 0;
  private textLength = 0;
  /** Lines read in all, and whether older ones were let go for the limit. */
  count = 0;
  isCut = false;

  constructor(private readonly textLimit: number) {}

  add(seconds: number, nanos: number, isStderr: boolean, text: string): void {
    this.count++;
    this.lines.push({ seconds, nanos, isStderr, text });
    this.textLength += text.length;
    while (this.textLength > this.textLimit && this.lines.length - this.start > 1) {
      this.textLength -= this.lines[this.start]?.text.length ?? 0;
      this.lines[this.start++] = undefined;
      this.isCut = true;
    }
  }

  /** The lines kept that are later than `instant` (all of them for null). */
  after(instant: Instant | null): TimedLine[] {
    return this.lines.slice(this.start).filter((line): line is TimedLine => line !== undefined && (instant === null || compareInstants(line, instant) > 0));
  }
}
