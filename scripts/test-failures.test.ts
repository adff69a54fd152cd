import { describe, expect, it } from 'vitest';
import { describeFailures, playwrightFailures, vitestFailures } from './test-failures.js';

// Shapes trimmed from reports vitest 4 and Playwright 1.65 wrote for small failing suites.
const vitestReport = {
  testResults: [
    {
      name: '/repo/runtime/a.int.test.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { fullName: 'group fails', status: 'failed', failureMessages: ['AssertionError: expected 1 to be 2 // Object.is equality\n    at /repo/runtime/a.int.test.ts:2:3'] },
        { fullName: 'group ok', status: 'passed', failureMessages: [] },
      ],
    },
    { name: '/repo/runtime/b.int.test.ts', status: 'failed', message: 'setup broke', assertionResults: [{ fullName: 'never', status: 'skipped', failureMessages: [] }] },
    { name: '/repo/runtime/c.int.test.ts', status: 'passed', message: '', assertionResults: [{ fullName: 'fine', status: 'passed', failureMessages: [] }] },
  ],
};

const playwrightReport = {
  suites: [
    {
      title: 'x.spec.ts',
      specs: [
        { title: 'passes', ok: true, line: 3, tests: [{ results: [{ status: 'passed' }] }] },
        { title: 'slow', ok: false, line: 4, tests: [{ results: [{ status: 'timedOut', error: { message: '\u001b[31mTest timeout of 200ms exceeded.\u001b[39m' } }] }] },
      ],
      suites: [
        {
          title: 'outer',
          specs: [
            {
              title: 'fails here',
              ok: false,
              line: 2,
              tests: [{ results: [{ status: 'failed', error: { message: 'Error: \u001b[2mexpect(\u001b[22mreceived).toBe(expected)\n\nExpected: 2' } }] }],
            },
          ],
        },
      ],
    },
  ],
  errors: [{ message: 'Error: global setup failed\n  at setup.ts:1' }],
};

describe('vitestFailures', () => {
  it('names each failed test by file and full name, with the first line of its error', () => {
    expect(vitestFailures(vitestReport, '/repo')).toEqual([
      { name: 'runtime/a.int.test.ts › group fails', reason: 'AssertionError: expected 1 to be 2 // Object.is equality' },
      { name: 'runtime/b.int.test.ts', reason: 'setup broke' },
    ]);
  });

  it('yields nothing for a report it cannot read', () => {
    expect(vitestFailures(null)).toEqual([]);
    expect(vitestFailures({ testResults: 'x' })).toEqual([]);
  });
});

describe('playwrightFailures', () => {
  it('names failed specs through their nested suites, without colour codes, and errors outside any test', () => {
    expect(playwrightFailures(playwrightReport)).toEqual([
      { name: 'x.spec.ts › slow:4', reason: 'Test timeout of 200ms exceeded.' },
      { name: 'x.spec.ts › outer › fails here:2', reason: 'Error: expect(received).toBe(expected)' },
      { name: '(outside any test)', reason: 'Error: global setup failed' },
    ]);
  });
});

describe('describeFailures', () => {
  it('lists at most the limit and says how many more failed', () => {
    const failures = Array.from({ length: 4 }, (_, index) => ({ name: `t${String(index)}`, reason: index === 0 ? 'boom' : '' }));
    expect(describeFailures(failures, 2)).toEqual(['    ✗ t0\n        boom', '    ✗ t1', '    … and 2 more']);
  });

});

it('shortens a long reason to one line of at most 240 characters', () => {
  const report = { testResults: [{ name: 'f', status: 'failed', assertionResults: [{ fullName: 't', status: 'failed', failureMessages: [`${'x'.repeat(1000)}\nmore`] }] }] };
  const [failure] = vitestFailures(report);
  expect(failure?.reason).toHaveLength(240);
  expect(failure?.reason.endsWith('…')).toBe(true);
});
