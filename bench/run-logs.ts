import { chromium } from '@playwright/test';
import type Docker from 'dockerode';
import { startBerthServe } from './berth-serve.js';
import { writeLogContainer } from './logs-source.js';
import { measureLogsPage } from './measure-logs-page.js';
import { measureLogs } from './measure-logs.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { attempt } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The logs measures (issue 10): one container writes BENCH_LOG_LINES lines and exits; a
 * `berth serve` on the engine reads it whole and downloads it against `docker logs` (logs), then Chromium
 * opens, reads, searches and follows logs in the view (logsPage). Everything it starts is
 * stopped before it returns.
 */

export interface LogsMeasuresOptions {
  engineUrl: string;
  docker: Docker;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
  chromiumArgs: string[];
}

const sourceName = 'bench-logs-source';

export async function runLogsMeasures(options: LogsMeasuresOptions): Promise<{ measures: Pick<Measures, 'logs' | 'logsPage'>; teardownProblems: string[] }> {
  const { settings } = options;
  const phase = new Teardown();
  const measures: Pick<Measures, 'logs' | 'logsPage'> = {};
  try {
    phase.add('log source container', async () => {
      await options.docker.getContainer(sourceName).remove({ force: true }).catch(() => undefined);
    });
    await writeLogContainer(options.docker, options.image, sourceName, settings.logLines);
    const serve = await startBerthServe(options.engineUrl, 'logs');
    phase.add('berth serve', () => serve.stop());
    measures.logs = await attempt('logs read and download', () =>
      measureLogs({ hostUrl: serve.url, cliEnv: options.cliEnv, name: sourceName, lines: settings.logLines, runs: settings.logRuns }),
    );
    const read = measures.logs;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: options.chromiumArgs });
    phase.add('browser', () => browser.close());
    measures.logsPage = await attempt('logs page', () =>
      measureLogsPage({
        browser,
        cliEnv: options.cliEnv,
        hostUrl: serve.url,
        docker: options.docker,
        image: options.image,
        name: sourceName,
        lines: settings.logLines,
        runs: settings.logRuns,
        timeoutMs: settings.timeoutMs,
        dockerLogsMedianMs: 'error' in read ? undefined : read.dockerCli.medianMs,
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    measures.logs ??= { error: message };
    measures.logsPage ??= { error: message };
  }
  return { measures, teardownProblems: await phase.run() };
}
