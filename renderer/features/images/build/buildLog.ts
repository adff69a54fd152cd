import type { BerthError, BuildEvent, BuildStep } from '../../../../runtime/api/index.js';
import { stripAnsi } from '../../logs/model/ansi.js';

/** One row of the build log as shown: a step's header, or a line of output (escape sequences removed: text only). */
export interface BuildLogRow {
  /** Increasing from 0 over the whole build, also for rows already dropped: a stable React key. */
  seq: number;
  kind: 'step' | 'line';
  text: string;
  /** The step this row belongs to (0 before the first). */
  step: number;
}

export type BuildStatus = 'running' | 'built' | 'failed' | 'cancelled';

/** How many rows the view keeps; older ones go first (a long build's early output). */
export const buildLogRowLimit = 20_000;

/**
 * What the build view shows, fed by `images.build` events: the rows of the log (bounded), the
 * steps, and how it ended. Mutable and cheap per event; the view re-renders on `version`.
 */
export class BuildLogModel {
  rows: BuildLogRow[] = [];
  /** Rows dropped from the front to stay within the limit. */
  dropped = 0;
  steps: BuildStep[] = [];
  context: { files: number; bytes: number } | null = null;
  status: BuildStatus = 'running';
  imageId: string | null = null;
  tags: string[] = [];
  error: BerthError | null = null;
  version = 0;
  private nextSeq = 0;

  constructor(private readonly rowLimit = buildLogRowLimit) {}

  apply(event: BuildEvent): void {
    switch (event.type) {
      case 'context':
        this.context = { files: event.files, bytes: event.bytes };
        break;
      case 'step':
        this.steps.push(event);
        this.push('step', `Step ${event.index}/${event.total} : ${event.instruction}`, event.index);
        break;
      case 'output':
        for (const line of event.lines) this.push('line', stripAnsi(line), this.currentStep);
        break;
      case 'built':
        this.status = 'built';
        this.imageId = event.imageId;
        this.tags = event.tags;
        break;
    }
    this.version++;
  }

  fail(error: BerthError): void {
    this.status = 'failed';
    this.error = error;
    this.version++;
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.status = 'cancelled';
    this.version++;
  }

  get currentStep(): number {
    return this.steps.at(-1)?.index ?? 0;
  }

  /** The step a failure happened in, as the error names it (else the last step announced); null when none. */
  get failedStep(): BuildStep | null {
    if (this.status !== 'failed') return null;
    const named = (this.error?.details as { step?: BuildStep } | undefined)?.step;
    const index = typeof named?.index === 'number' ? named.index : this.currentStep;
    return this.steps.find((step) => step.index === index) ?? null;
  }

  /** The output lines (still held) of one step. */
  linesOf(step: number): string[] {
    return this.rows.filter((row) => row.kind === 'line' && row.step === step).map((row) => row.text);
  }

  private push(kind: BuildLogRow['kind'], text: string, step: number): void {
    this.rows.push({ seq: this.nextSeq++, kind, text, step });
    if (this.rows.length > this.rowLimit) {
      // Drop a tenth at once, so trimming costs O(1) per row over time.
      const excess = this.rows.length - this.rowLimit + Math.floor(this.rowLimit / 10);
      this.rows.splice(0, excess);
      this.dropped += excess;
    }
  }
}
