import { errorMessage, log } from './support.js';

/**
 * Everything the run started, stopped in reverse order whatever happened. A step that fails
 * is reported and the others still run.
 */
export class Teardown {
  private readonly steps: { what: string; step: () => Promise<unknown> }[] = [];

  /** Adds a step; the function returned takes it out again (its owner stopped it already). */
  add(what: string, step: () => Promise<unknown>): () => void {
    const entry = { what, step };
    this.steps.push(entry);
    return () => {
      const index = this.steps.indexOf(entry);
      if (index >= 0) this.steps.splice(index, 1);
    };
  }

  /** Runs every step once, newest first; returns the problems. */
  async run(): Promise<string[]> {
    const problems: string[] = [];
    for (const { what, step } of this.steps.splice(0).reverse()) {
      try {
        log(`teardown: ${what}`);
        await step();
      } catch (error) {
        problems.push(`${what}: ${errorMessage(error)}`);
        log(`teardown: ${what} failed: ${errorMessage(error)}`);
      }
    }
    return problems;
  }
}
