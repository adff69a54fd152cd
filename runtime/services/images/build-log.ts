import { BerthError, type BuildEvent, type BuildFailure } from '../../api/index.js';
import { readStepAnnouncement, type StepAnnouncement } from '../../engine/build-steps.js';
import type { EngineBuildLine } from '../../engine/json/build.js';

/** An `output` event holds at most about this much text (UTF-16 units); a longer line goes alone. */
export const outputTextLimit = 64 * 1024;

/** Nothing but SGR sequences: the classic builder ends a RUN's stderr with a reset (`ESC[0m`) after its newline. */
// eslint-disable-next-line no-control-regex
const onlyStyleResets = /^(?:\x1b\[[0-9;]*m)*$/;

export interface BuildLogReading {
  events: BuildEvent[];
  /** The build failed: the error the stream ends with (after `events`). */
  failure: BerthError | null;
}

/**
 * Reads a build's log as the engine sends it (json/build.ts) into the contract's events: text
 * fragments joined into lines, each `Step N/M : ...` line a `step` event, the lines between
 * them grouped into `output` events (one per read, split at `outputTextLimit`), and the image id
 * kept for the end. An error line is the build's failure, naming the step it happened in. Pure.
 */
export class BuildLog {
  private pending = '';
  private step: StepAnnouncement | null = null;
  private lines: string[] = [];
  private textLength = 0;
  private events: BuildEvent[] = [];
  /** The built image's id, once the engine said it (`aux.ID`). */
  imageId: string | null = null;

  read(engineLines: readonly EngineBuildLine[]): BuildLogReading {
    for (const line of engineLines) {
      if (typeof line.aux?.ID === 'string' && line.aux.ID !== '') this.imageId = line.aux.ID;
      if (typeof line.stream === 'string') this.addText(line.stream);
      if (line.error != null || line.errorDetail != null) {
        this.endPendingLine();
        return { events: this.take(), failure: this.failureOf(line) };
      }
    }
    return { events: this.take(), failure: null };
  }

  /** At the end of the answer: the last line, when it had no line ending. */
  finish(): BuildEvent[] {
    this.endPendingLine();
    return this.take();
  }

  private addText(text: string): void {
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop() ?? '';
    for (const part of parts) this.addLine(part);
    // The classic builder writes a RUN's stderr as `ESC[91m...\nESC[0m`: the reset belongs to the
    // line it closes, not to the start of the next one.
    if (parts.length > 0 && this.pending !== '' && onlyStyleResets.test(this.pending) && this.lines.length > 0) {
      this.lines[this.lines.length - 1] += this.pending;
      this.textLength += this.pending.length;
      this.pending = '';
    }
  }

  private endPendingLine(): void {
    const rest = this.pending;
    this.pending = '';
    if (!onlyStyleResets.test(rest)) this.addLine(rest);
  }

  private addLine(raw: string): void {
    // A bare carriage return rewrites the line from its start, as on a terminal (progress bars).
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const shown = text.slice(text.lastIndexOf('\r') + 1);
    const step = readStepAnnouncement(shown);
    if (step !== null) {
      this.flushOutput();
      this.step = step;
      this.events.push({ type: 'step', ...step });
      return; // the step event stands for its line
    }
    if (this.textLength > 0 && this.textLength + shown.length > outputTextLimit) this.flushOutput();
    this.lines.push(shown);
    this.textLength += shown.length;
  }

  private flushOutput(): void {
    if (this.lines.length === 0) return;
    this.events.push({ type: 'output', lines: this.lines });
    this.lines = [];
    this.textLength = 0;
  }

  private take(): BuildEvent[] {
    this.flushOutput();
    const events = this.events;
    this.events = [];
    return events;
  }

  /**
   * The engine reports a failed step inside its 200 answer, with no HTTP status to map: it is
   * the engine's own failure in its own words, `conflict` as the engine's 500s are (never
   * `internal`, which is for bugs in Berth), with the step it happened in.
   */
  private failureOf(line: EngineBuildLine): BerthError {
    const words = (line.errorDetail?.message ?? line.error ?? '').trim() || 'The build failed.';
    const details: BuildFailure & Record<string, unknown> = {};
    if (this.step !== null) details.step = { ...this.step };
    if (typeof line.errorDetail?.code === 'number') details.exitCode = line.errorDetail.code;
    const where = this.step === null ? 'The build failed' : `Step ${this.step.index}/${this.step.total} (${this.step.instruction}) failed`;
    return new BerthError('conflict', `${where}: ${words}`, details);
  }
}
