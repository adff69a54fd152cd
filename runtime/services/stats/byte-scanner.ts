import { readSync } from 'node:fs';

/** Bytes the cgroup and proc files are scanned by. */
export const space = 32;
export const tab = 9;
export const newline = 10;
export const colon = 58;
export const equals = 61;

/** Walks the bytes of one reading in the shared buffer, reading numbers and comparing words without making strings. */
export class Scanner {
  buffer = Buffer.alloc(16 * 1024);
  at = 0;
  end = 0;

  /** Reads a file from its start into the buffer (grown until the file fits); answers its length. */
  fill(fd: number, most = Number.POSITIVE_INFINITY): number {
    for (;;) {
      const length = Math.min(most, this.buffer.length);
      const read = readSync(fd, this.buffer, 0, length, 0);
      if (read < this.buffer.length || read === most) {
        this.at = 0;
        this.end = read;
        return read;
      }
      this.buffer = Buffer.alloc(this.buffer.length * 2);
    }
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  private byte(): number {
    return this.buffer[this.at] ?? 0;
  }

  blanks(): void {
    while (this.at < this.end && (this.byte() === space || this.byte() === tab)) this.at++;
  }

  /** The decimal number here (0 if there is none), moving past it. */
  number(): number {
    let value = 0;
    while (this.at < this.end) {
      const digit = this.byte() - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
      this.at++;
    }
    return value;
  }

  /** Moves to the next `byte` on this line (or the line's end). */
  to(byte: number): void {
    while (this.at < this.end && this.byte() !== byte && this.byte() !== newline) this.at++;
  }

  /** Moves to the start of the next line. */
  nextLine(): void {
    const at = this.buffer.indexOf(newline, this.at);
    this.at = at < 0 || at >= this.end ? this.end : at + 1;
  }

  /** Whether bytes [start, end) are `text`. */
  is(start: number, end: number, text: Buffer): boolean {
    if (end - start !== text.length) return false;
    for (let index = 0; index < text.length; index++) if (this.buffer[start + index] !== text[index]) return false;
    return true;
  }

  /** Whether the line here starts with `text`. */
  startsWith(text: Buffer): boolean {
    return this.at + text.length <= this.end && this.is(this.at, this.at + text.length, text);
  }

  isDigit(): boolean {
    const digit = this.byte() - 48;
    return digit >= 0 && digit <= 9;
  }
}
