import type { z } from 'zod';
import { NdjsonParser, type NdjsonItem } from '../streams/lines.js';
import { check } from './json/read.js';

/** Where a skipped line is reported: the backend's log (stderr) unless told otherwise. */
export type LogLine = (line: string) => void;

const toStderr: LogLine = (line) => {
  process.stderr.write(`${line}\n`);
};

/** Every line is logged up to this many; after that one in `logEvery`, so a broken engine cannot flood the log. */
const logFirst = 10;
const logEvery = 100;

/**
 * The lines of one engine stream that could not be read: counted, and logged with the count
 * and the reason. A bad line is never silently dropped, and never ends the stream.
 */
export class SkippedLines {
  private skipped = 0;

  constructor(
    /** Which stream, as the log says it: `/events`, `stats of web`, ... */
    private readonly stream: string,
    private readonly log: LogLine = toStderr,
  ) {}

  get count(): number {
    return this.skipped;
  }

  skip(problem: string, line: string): void {
    this.skipped += 1;
    if (this.skipped > logFirst && this.skipped % logEvery !== 0) return;
    const shown = line.length > 120 ? `${line.slice(0, 120)}...` : line;
    this.log(`berth: ${this.stream}: skipped a line from the engine that Berth cannot read (${this.skipped} so far): ${problem}: ${shown}`);
  }
}

/**
 * An NDJSON stream from the engine, read line by line through its schema (engine/json):
 * chunks may split anywhere; a line that is not JSON, or not the shape the schema describes,
 * is a counted, logged skip.
 */
export class NdjsonReader<T> {
  private readonly parser = new NdjsonParser();

  constructor(
    private readonly schema: z.ZodType<T>,
    readonly skipped: SkippedLines,
  ) {}

  push(chunk: Uint8Array | string): T[] {
    return this.read(this.parser.push(chunk));
  }

  /** The last line, when the stream ended without a newline. */
  flush(): T[] {
    return this.read(this.parser.flush());
  }

  private read(items: NdjsonItem<unknown>[]): T[] {
    const values: T[] = [];
    for (const item of items) {
      if (!item.ok) {
        this.skipped.skip(item.error, item.line);
        continue;
      }
      const reading = check(this.schema, item.value);
      if (reading.ok) values.push(reading.value);
      else this.skipped.skip(reading.problem, JSON.stringify(item.value));
    }
    return values;
  }
}
