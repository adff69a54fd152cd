import { errorMessage, log } from './support.js';

/**
 * Everything the run started, stopped in reverse order whatever happened. A step that fails
 * is reported and the others still run.
 */
export class Teardown {
  private readonly steps: { what: string; step: () => Promise<unknown> }[] = [];

  add(what: string, step: () => Promise<unknown>): void {
    this.steps.push({ what, step });
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
