import { readFile } from 'node:fs/promises';

/**
 * Which tests failed, read from the JSON reports vitest and Playwright write beside their
 * console output, so the summary at the end of `npm test` names them. CI keeps only the tail
 * of the output: without this, a failed step there says "exited with code 1" and nothing more.
 */

export interface FailedTest {
  /** `file › title`, as a person would search for it. */
  name: string;
  /** The first line of the first error, shortened. */
  reason: string;
}

const reasonLimit = 240;

function firstLine(text: string): string {
  // Reports carry ANSI colour codes; the summary is plain text.
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > reasonLimit ? `${trimmed.slice(0, reasonLimit - 1)}…` : trimmed;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function relative(file: string, root: string): string {
  return root !== '' && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

/** Failures in a vitest JSON report (the Jest-compatible shape `--reporter=json` writes). */
export function vitestFailures(report: unknown, root = ''): FailedTest[] {
  if (!isRecord(report)) return [];
  const failures: FailedTest[] = [];
  for (const file of arrayOf(report.testResults)) {
    if (!isRecord(file)) continue;
    const fileName = relative(text(file.name), root);
    let failedInFile = 0;
    for (const assertion of arrayOf(file.assertionResults)) {
      if (!isRecord(assertion) || assertion.status !== 'failed') continue;
      failedInFile += 1;
      const messages = arrayOf(assertion.failureMessages);
      failures.push({ name: `${fileName} › ${text(assertion.fullName)}`, reason: firstLine(text(messages[0])) });
    }
    // A file that failed before any test ran (an import error, a failing beforeAll) has no failed assertion.
    if (failedInFile === 0 && file.status === 'failed') failures.push({ name: fileName, reason: firstLine(text(file.message)) });
  }
  return failures;
}

/** Failures in a Playwright JSON report: suites nest, each spec has tests, each test its results (one per retry). */
export function playwrightFailures(report: unknown): FailedTest[] {
  if (!isRecord(report)) return [];
  const failures: FailedTest[] = [];
  const visit = (suite: unknown, titles: readonly string[]): void => {
    if (!isRecord(suite)) return;
    const title = text(suite.title);
    const path = title === '' ? titles : [...titles, title];
    for (const spec of arrayOf(suite.specs)) {
      if (!isRecord(spec) || spec.ok !== false) continue;
      let reason = '';
      for (const test of arrayOf(spec.tests)) {
        if (!isRecord(test)) continue;
        for (const result of arrayOf(test.results)) {
          if (!isRecord(result) || reason !== '') continue;
          const error = isRecord(result.error) ? result.error : undefined;
          if (error !== undefined) reason = firstLine(text(error.message));
          else if (result.status === 'timedOut') reason = 'timed out';
        }
      }
      const location = typeof spec.line === 'number' ? `:${String(spec.line)}` : '';
      failures.push({ name: `${[...path, text(spec.title)].join(' › ')}${location}`, reason });
    }
    for (const child of arrayOf(suite.suites)) visit(child, path);
  };
  for (const suite of arrayOf(report.suites)) visit(suite, []);
  for (const error of arrayOf(report.errors)) {
    if (isRecord(error)) failures.push({ name: '(outside any test)', reason: firstLine(text(error.message)) });
  }
  return failures;
}

/** Reads a report written by the step; a missing or unreadable one yields nothing (the step's own exit status still counts). */
export async function failuresIn(reportPath: string, kind: 'vitest' | 'playwright', root = ''): Promise<FailedTest[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(reportPath, 'utf8'));
  } catch {
    return [];
  }
  return kind === 'vitest' ? vitestFailures(parsed, root) : playwrightFailures(parsed);
}

/** At most `limit` lines, and how many more there were. */
export function describeFailures(failures: readonly FailedTest[], limit = 15): string[] {
  const lines = failures.slice(0, limit).map((failure) => `    ✗ ${failure.name}${failure.reason ? `\n        ${failure.reason}` : ''}`);
  if (failures.length > limit) lines.push(`    … and ${String(failures.length - limit)} more`);
  return lines;
}
