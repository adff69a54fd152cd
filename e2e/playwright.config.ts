import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium drives `berth serve` (started per worker by
 * e2e/fixtures/test.ts) against the private engine from scripts/test-env.ts.
 * Run through `npm test`, or by hand after `npx tsx scripts/test-env.ts up` and `npm run build`.
 */
export default defineConfig({
  testDir: 'specs',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // `npm test` also asks for a JSON report, to name the failed specs in its summary.
  reporter: process.env.BERTH_E2E_REPORT ? [['list'], ['json', { outputFile: process.env.BERTH_E2E_REPORT }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
