import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import type { BerthClient } from '../runtime/api/index.js';
import { connectBerth } from './berth-client.js';
import { startBerthServe } from './berth-serve.js';
import { runDocker } from './docker-cli.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { round, summarize, type Summary } from './stats.js';
import { attempt, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The build measure (issue 11): the same small context and Dockerfile built with `--no-cache`
 * through Berth (`images.build` over a `berth serve` WebSocket, to the stream's end) and with
 * `DOCKER_BUILDKIT=0 docker build` (the classic builder Berth uses), taking turns, one warm-up
 * each untimed. Target: Berth's median <= 1.1x the CLI's. Everything it makes is removed.
 */

export interface BuildMeasure {
  runs: number;
  contextFiles: number;
  contextBytes: number;
  steps: number;
  /** images.build until its `built` event and end. */
  berth: Summary;
  /** `docker build --no-cache -t TAG DIR`, spawn to exit. */
  dockerCli: Summary;
  ratios: { berthOverCliMedian: number };
}

export interface BuildMeasuresOptions {
  engineUrl: string;
  docker: Docker;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
}

const berthTag = 'bench-build/berth:latest';
const cliTag = 'bench-build/cli:latest';
const contextFiles = 40;
const fileBytes = 8 * 1024;

/** A small app: files to COPY, one left out by .dockerignore, and a Dockerfile of five steps with some output. */
async function makeContext(image: string): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-build-'));
  await mkdir(path.join(directory, 'src'));
  for (let index = 0; index < contextFiles; index++) await writeFile(path.join(directory, 'src', `file-${index}.txt`), 'x'.repeat(fileBytes));
  await writeFile(path.join(directory, 'left-out.log'), 'y'.repeat(fileBytes));
  await writeFile(path.join(directory, '.dockerignore'), '*.log\n');
  await writeFile(
    path.join(directory, 'Dockerfile'),
    [`FROM ${image}`, 'COPY src /app/src', 'RUN for i in $(seq 1 200); do echo "building part $i"; done', 'RUN ls /app/src | wc -l > /app/count', 'CMD ["cat", "/app/count"]', ''].join('\n'),
  );
  return directory;
}

export async function runBuildMeasures(options: BuildMeasuresOptions): Promise<{ measures: Pick<Measures, 'build'>; teardownProblems: string[] }> {
  const phase = new Teardown();
  const measures: Pick<Measures, 'build'> = {};
  const removeImages = async () => {
    for (const tag of [berthTag, cliTag]) await options.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
  };
  try {
    const context = await makeContext(options.image);
    phase.add('build context', () => rm(context, { recursive: true, force: true }));
    phase.add('built images', removeImages);
    const serve = await startBerthServe(options.engineUrl, 'build');
    phase.add('berth serve', () => serve.stop());
    measures.build = await attempt('build', () => measureBuild({ ...options, hostUrl: serve.url, context, runs: options.settings.buildRuns, removeImages }));
  } catch (error) {
    measures.build ??= { error: error instanceof Error ? error.message : String(error) };
  }
  return { measures, teardownProblems: await phase.run() };
}

async function measureBuild(options: BuildMeasuresOptions & { hostUrl: string; context: string; runs: number; removeImages: () => Promise<void> }): Promise<BuildMeasure> {
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    await engineConnected(client);
    const cliEnv = { ...options.cliEnv, DOCKER_BUILDKIT: '0' };
    log(`build: ${options.runs} runs each of images.build and docker build (classic builder, --no-cache), 1 warm-up each`);
    const samples = { berth: [] as number[], cli: [] as number[] };
    let shape = { files: 0, bytes: 0, steps: 0 };
    for (let index = -1; index < options.runs; index++) {
      const order = index % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const way of order) {
        // Each side builds from nothing: its previous image goes first (untimed).
        await options.removeImages();
        const start = performance.now();
        if (way === 'berth') shape = await buildThroughBerth(client, options.context);
        else await runDocker(['build', '--no-cache', '-t', cliTag, options.context], cliEnv, 120_000);
        if (index >= 0) samples[way].push(performance.now() - start);
      }
    }
    const berth = summarize(samples.berth);
    const cli = summarize(samples.cli);
    log(`build: images.build p50 ${berth.medianMs} ms, docker build ${cli.medianMs} ms`);
    return {
      runs: options.runs,
      contextFiles: shape.files,
      contextBytes: shape.bytes,
      steps: shape.steps,
      berth,
      dockerCli: cli,
      ratios: { berthOverCliMedian: round(berth.medianMs / cli.medianMs, 3) },
    };
  } finally {
    connection.dispose();
  }
}

function buildThroughBerth(client: BerthClient, context: string): Promise<{ files: number; bytes: number; steps: number }> {
  return new Promise((resolve, reject) => {
    const shape = { files: 0, bytes: 0, steps: 0 };
    let built = false;
    client.subscribe(
      'images.build',
      { context, tags: [berthTag], noCache: true },
      {
        onEvent: (event) => {
          if (event.type === 'context') Object.assign(shape, { files: event.files, bytes: event.bytes });
          if (event.type === 'step') shape.steps = event.total;
          if (event.type === 'built') built = true;
        },
        onEnd: () => (built ? resolve(shape) : reject(new Error('images.build ended without a built event'))),
        onError: reject,
      },
    );
  });
}

async function engineConnected(client: BerthClient, timeoutMs = 30_000): Promise<void> {
  const started = performance.now();
  while ((await client.call('engine.info', {})).state !== 'connected') {
    if (performance.now() - started > timeoutMs) throw new Error(`the host did not connect to its engine within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
