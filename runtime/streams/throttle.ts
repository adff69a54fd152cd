/**
 * Coalesces bursts into at most one send per interval: a change after a quiet spell goes at
 * once, changes within the interval wait for its end and go together, and `finish` sends what
 * is pending now. How often messages go depends on time only, never on how many changes came
 * (a pull of 50 layers sends no more than one of 1).
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private isPending = false;
  private isClosed = false;

  constructor(
    private readonly intervalMs: number,
    /** Sends what is pending (called with nothing pending only by `finish`). */
    private readonly send: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Something changed: send now after a quiet spell, else at the end of the interval. */
  poke(): void {
    if (this.isClosed) return;
    this.isPending = true;
    if (this.timer !== null) return;
    this.sendWhenDue();
  }

  /** Sends now, pending or not, and sends nothing more (the final state). */
  finish(): void {
    if (this.isClosed) return;
    this.flush();
    this.dispose();
  }

  dispose(): void {
    this.isClosed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Sends now if the interval since the last send is over, else sets a timer for the rest. A
   * timer may fire a little early by this clock (Node's timers count whole milliseconds of a
   * cached loop time), so when it fires the interval is checked again, never assumed.
   */
  private sendWhenDue(): void {
    this.timer = null;
    const since = this.now() - this.lastSentAt;
    if (since >= this.intervalMs) this.flush();
    else this.timer = setTimeout(() => this.sendWhenDue(), Math.ceil(this.intervalMs - since));
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.isPending = false;
    this.lastSentAt = this.now();
    this.send();
  }

  /** Whether a change waits to be sent. */
  get hasPending(): boolean {
    return this.isPending;
  }
}
