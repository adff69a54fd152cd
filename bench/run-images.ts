import { buildLayeredImage } from '../runtime/testing/layered-image.js';
import { ThrowawayRegistry } from '../runtime/testing/throwaway-registry.js';
import { startBerthServe } from './berth-serve.js';
import { runDocker } from './docker-cli.js';
import { measureImages } from './measure-images.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { attempt, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The pull and push measures (issue 11): a registry of the bench's own on 127.0.0.1, an image
 * built from the test image with BENCH_IMAGE_LAYERS layers of BENCH_IMAGE_LAYER_MIB MiB of
 * random bytes (`RUN dd if=/dev/urandom ...`, classic builder) pushed to it, and a `berth serve`
 * on the engine (measure-images.ts). Everything it starts is stopped and removed before it returns.
 */

export interface ImagesMeasuresOptions {
  engineUrl: string;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
}

export async function runImagesMeasures(options: ImagesMeasuresOptions): Promise<{ measures: Pick<Measures, 'images'>; teardownProblems: string[] }> {
  const { settings, cliEnv } = options;
  const phase = new Teardown();
  const measures: Pick<Measures, 'images'> = {};
  try {
    const registry = await ThrowawayRegistry.start();
    phase.add('bench registry', () => registry.stop());
    const reference = `${registry.address}/bench/layers:1`;
    log(`images: building ${settings.imageLayers} layers of ${settings.imageLayerMiB} MiB and pushing them to ${registry.address}`);
    await buildLayeredImage(reference, options.image, settings.imageLayers, settings.imageLayerMiB * 1024, cliEnv);
    phase.add('bench image', async () => {
      await runDocker(['rmi', '-f', reference], cliEnv).catch(() => undefined);
    });
    await runDocker(['push', '-q', reference], cliEnv, 300_000);
    const serve = await startBerthServe(options.engineUrl, 'images');
    phase.add('berth serve', () => serve.stop());
    measures.images = await attempt('pull and push', () => measureImages({ hostUrl: serve.url, cliEnv, reference, runs: settings.imageRuns }));
  } catch (error) {
    measures.images ??= { error: error instanceof Error ? error.message : String(error) };
  }
  return { measures, teardownProblems: await phase.run() };
}
