// Test-only helpers for the logs integration tests: the docker CLI's own output, byte for byte,
// and a recorder of one logs.follow stream. Not part of the build.
import { execFile } from 'node:child_process';
import { logLinesOf, type BerthClient, type Disposable, type LogEvent, type LogLine, type StreamParams } from '../api/index.js';
import { testEngineUrl } from './real-engine.js';

/**
 * `sh -c SCRIPT` with the docker CLI reaching the test engine, its output as bytes, nothing
 * trimmed: `docker logs c 2>/dev/null`, `docker logs c >f 2>&1` are written as a shell would.
 */
export function shell(script: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', script], { env: { ...process.env, DOCKER_HOST: testEngineUrl() }, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script}: ${error.message}\n${stderr.toString('utf8')}`));
      else resolve(stdout);
    });
  });
}

/**
 * The lines of `docker logs` output as a person reads them in a terminal: split at `\n`, the
 * `\r`s that end a line dropped (a TTY turns `\r\n` into `\r\r\n`; a terminal shows neither).
 */
export function linesOf(output: Buffer): string[] {
  const text = output.toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.replace(/\r+$/, ''));
}

/** A line of a `lines` event, with its time as Docker writes it. */
export type TimedLine = LogLine & { time: string };

/** A line's time as `docker logs -t` prints it: UTC, nine fraction digits. */
export function dockerTime(line: Pick<LogLine, 'seconds' | 'nanos'>): string {
  return `${new Date(line.seconds * 1000).toISOString().slice(0, 19)}.${String(line.nanos).padStart(9, '0')}Z`;
}

/** Everything one logs.follow stream sends, and ways to wait for it. */
export class FollowRecorder implements Disposable {
  readonly events: LogEvent[] = [];
  /** How many `lines` events the lines came in. */
  batches = 0;
  ended = false;
  error: Error | null = null;
  private readonly subscription: Disposable;

  constructor(client: BerthClient, params: StreamParams<'logs.follow'>, engine?: string) {
    this.subscription = client.subscribe(
      'logs.follow',
      params,
      {
        onEvent: (event) => {
          this.events.push(event);
          if (event.type === 'lines') this.batches++;
        },
        onEnd: () => {
          this.ended = true;
        },
        onError: (error) => {
          this.error = error;
        },
      },
      engine === undefined ? {} : { engine },
    );
  }

  /** Every line, with its time as `docker logs -t` prints it. */
  get lines(): TimedLine[] {
    return this.events.flatMap((event) => (event.type === 'lines' ? logLinesOf(event).map((line) => ({ ...line, time: dockerTime(line) })) : []));
  }

  texts(stream?: 'stdout' | 'stderr'): string[] {
    return this.lines.filter((line) => stream === undefined || line.stream === stream).map((line) => line.text);
  }

  /** Lines, and marks as `[kind]`, in the order they came. */
  get sequence(): string[] {
    return this.events.flatMap((event) => (event.type === 'lines' ? event.text : event.type === 'mark' ? [`[${event.kind}]`] : []));
  }

  async waitForEnd(timeoutMs = 30_000): Promise<this> {
    await this.waitFor(() => this.ended, timeoutMs, 'the end of the stream');
    return this;
  }

  async waitFor(done: () => boolean, timeoutMs = 30_000, what = 'the condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.error) throw this.error;
      if (Date.now() > deadline) throw new Error(`No ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.sequence.slice(-20))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
