import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensurePackages } from './ensure-packages.js';
import { describeFailures, failuresIn, type FailedTest } from './test-failures.js';
import { repoRoot } from './test-env-info.js';
import { startTestEnv, stopTestEnv } from './test-env.js';

/**
 * `npm test`: everything CI checks, in order, on a machine that has had only `npm ci`.
 * Installs the Debian packages the tests need, builds, type-checks, lints, runs the unit
 * tests, starts the private engine and registry, runs the integration and end-to-end tests
 * against them, and always tears the environment down. A step whose prerequisite failed is
 * not run and counts as failed. The last line is `N passed, N failed` (N counts steps).
 */

type Outcome = 'passed' | 'failed' | 'skipped';

interface Step {
  name: string;
  /** Names of steps that must have passed first. */
  needs: readonly string[];
  /** Runs even after an interrupt (teardown). */
  always?: boolean;
  run: () => Promise<void>;
}

const minute = 60_000;
/** JSON reports of the test steps, read after a failure to name the failed tests in the summary. */
const reportsDir = path.join(repoRoot, '.berth-test', 'reports');
const failedTests = new Map<string, FailedTest[]>();
let testEnvVars: Record<string, string> = {};
let interruptedBy: NodeJS.Signals | null = null;
const runningChildren = new Set<number>();

function bin(name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

/** Runs a command in its own process group (so a signal or timeout can end all of it); rejects unless it exits 0. */
function command(file: string, args: readonly string[], timeoutMs: number, extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    console.log(`$ ${[path.relative(repoRoot, file) || file, ...args].join(' ')}`);
    const child = spawn(file, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...extraEnv }, detached: true });
    const pid = child.pid;
    if (pid !== undefined) runningChildren.add(pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(pid, 'SIGTERM');
      setTimeout(() => killGroup(pid, 'SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      if (pid !== undefined) runningChildren.delete(pid);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) runningChildren.delete(pid);
      if (code === 0) resolve();
      else if (timedOut) reject(new Error(`timed out after ${timeoutMs / 1000} s`));
      else reject(new Error(signal ? `killed by ${signal}` : `exited with code ${String(code)}`));
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function freshReport(name: string): Promise<string> {
  await mkdir(reportsDir, { recursive: true });
  const file = path.join(reportsDir, `${name}.json`);
  await rm(file, { force: true });
  return file;
}

/** A vitest project, with a JSON report beside the console output; on failure, the failed tests are kept for the summary. */
async function vitest(step: string, project: string, timeoutMs: number, extraEnv: Record<string, string> = {}): Promise<void> {
  const report = await freshReport(project);
  try {
    await command(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], timeoutMs, extraEnv);
  } catch (error) {
    failedTests.set(step, await failuresIn(report, 'vitest', repoRoot));
    throw error;
  }
}

async function playwright(step: string, timeoutMs: number, extraEnv: Record<string, string>): Promise<void> {
  const report = await freshReport('e2e');
  try {
    await command(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], timeoutMs, { ...extraEnv, BERTH_E2E_REPORT: report });
  } catch (error) {
    failedTests.set(step, await failuresIn(report, 'playwright'));
    throw error;
  }
}

const steps: readonly Step[] = [
  { name: 'packages', needs: [], run: () => ensurePackages() },
  { name: 'build', needs: [], run: () => command('npm', ['run', 'build'], 8 * minute) },
  { name: 'typecheck', needs: [], run: () => command('npm', ['run', 'typecheck'], 5 * minute) },
  { name: 'lint', needs: [], run: () => command('npm', ['run', 'lint'], 5 * minute) },
  { name: 'unit tests', needs: [], run: () => vitest('unit tests', 'unit', 5 * minute) },
  {
    name: 'test environment up',
    needs: ['packages'],
    run: async () => {
      testEnvVars = (await startTestEnv()).vars;
      for (const [name, value] of Object.entries(testEnvVars)) console.log(`${name}=${value}`);
    },
  },
  {
    name: 'integration tests',
    needs: ['test environment up'],
    run: () => vitest('integration tests', 'integration', 15 * minute, testEnvVars),
  },
  {
    name: 'end-to-end tests',
    needs: ['build', 'test environment up'],
    run: () => playwright('end-to-end tests', 12 * minute, testEnvVars),
  },
];
// Only what this run started: a developer's `test-env up` or another run in the same checkout is left alone.
const teardown: Step = { name: 'test environment down', needs: [], always: true, run: () => stopTestEnv({ onlyOwnedBy: process.pid }) };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function runStep(step: Step, index: number, total: number, outcomes: Map<string, Outcome>): Promise<{ outcome: Outcome; ms: number; note: string }> {
  const started = Date.now();
  console.log(`\n=== [${index}/${total}] ${step.name} ${'='.repeat(Math.max(3, 60 - step.name.length))}`);
  const unmet = step.needs.filter((need) => outcomes.get(need) !== 'passed');
  if (interruptedBy !== null && !step.always) return { outcome: 'skipped', ms: 0, note: `not run: interrupted by ${interruptedBy}` };
  if (unmet.length > 0) return { outcome: 'skipped', ms: 0, note: `not run: needs ${unmet.join(', ')}` };
  try {
    await step.run();
    return { outcome: 'passed', ms: Date.now() - started, note: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${step.name}: ${message}`);
    return { outcome: 'failed', ms: Date.now() - started, note: message.split('\n')[0] ?? '' };
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy !== null) {
    console.error(`\n${signal} again: still tearing down the test environment, please wait.`);
    return;
  }
  interruptedBy = signal;
  console.error(`\n${signal}: stopping the current step, then tearing down.`);
  for (const pid of runningChildren) killGroup(pid, 'SIGTERM');
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const allStarted = Date.now();
  const total = steps.length + 1;
  const outcomes = new Map<string, Outcome>();
  const report: string[] = [];
  const record = (step: Step, result: { outcome: Outcome; ms: number; note: string }): void => {
    outcomes.set(step.name, result.outcome);
    const status = result.outcome === 'passed' ? 'PASS' : result.outcome === 'failed' ? 'FAIL' : 'SKIP';
    console.log(`--- ${step.name}: ${status}${result.ms ? ` in ${seconds(result.ms)}` : ''}${result.note ? ` (${result.note})` : ''}`);
    report.push(`  ${status}  ${step.name.padEnd(22)} ${result.ms ? seconds(result.ms).padStart(8) : '       -'}${result.note ? `  ${result.note}` : ''}`);
    report.push(...describeFailures(failedTests.get(step.name) ?? []));
  };
  try {
    for (const [index, step] of steps.entries()) record(step, await runStep(step, index + 1, total, outcomes));
  } finally {
    record(teardown, await runStep(teardown, total, total, outcomes));
  }
  const passed = [...outcomes.values()].filter((outcome) => outcome === 'passed').length;
  const failed = outcomes.size - passed;
  console.log(`\n=== summary (${seconds(Date.now() - allStarted)}) ${'='.repeat(40)}`);
  console.log(report.join('\n'));
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = interruptedBy === 'SIGINT' ? 130 : interruptedBy === 'SIGTERM' ? 143 : failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
