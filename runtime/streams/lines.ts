/**
 * Splits a byte stream into lines. Chunks may break anywhere, including inside a multi-byte
 * UTF-8 character: one streaming decoder per stream keeps such characters whole.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** Feeds one chunk; returns the complete lines it finished (without their `\n` or `\r\n`). */
  push(chunk: Uint8Array | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    return parts.map(stripCarriageReturn);
  }

  /** The last line when the stream ended without a newline, if any. */
  flush(): string[] {
    this.pending += this.decoder.decode();
    const rest = this.pending;
    this.pending = '';
    return rest.length > 0 ? [stripCarriageReturn(rest)] : [];
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export type NdjsonItem<T> = { ok: true; value: T } | { ok: false; line: string; error: string };

/**
 * Parses NDJSON as it arrives. A line that is not JSON becomes an error item rather than a
 * thrown exception: a bad line must never take the stream (or the backend) down.
 */
export class NdjsonParser<T = unknown> {
  private readonly lines = new LineSplitter();

  push(chunk: Uint8Array | string): NdjsonItem<T>[] {
    return this.parse(this.lines.push(chunk));
  }

  flush(): NdjsonItem<T>[] {
    return this.parse(this.lines.flush());
  }

  private parse(lines: string[]): NdjsonItem<T>[] {
    const items: NdjsonItem<T>[] = [];
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        items.push({ ok: true, value: JSON.parse(line) as T });
      } catch (error) {
        items.push({ ok: false, line, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return items;
  }
}
