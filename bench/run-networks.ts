import { freeTestSubnets } from '../scripts/test-subnets.js';
import { startBerthServe } from './berth-serve.js';
import { runDocker } from './docker-cli.js';
import { measureNetworks } from './measure-networks.js';
import { socketPathOf } from './raw-engine.js';
import type { Measures } from './report.js';
import type { BenchSettings } from './settings.js';
import { attempt, log } from './support.js';
import { Teardown } from './teardown.js';

/**
 * The networks list measure (issue 13): BENCH_NETWORK_COUNT bridge networks (each with a /24 of
 * 198.18.0.0/15 that nothing on the machine uses, scripts/test-subnets.ts), ten running
 * containers each on a few of them, and a `berth serve` on the engine (measure-networks.ts).
 * Everything it makes is removed before it returns.
 */

export interface NetworksMeasuresOptions {
  engineUrl: string;
  image: string;
  cliEnv: NodeJS.ProcessEnv;
  settings: BenchSettings;
}

const label = 'berth.bench=networks';
const containerCount = 10;

async function removeBenchObjects(cliEnv: NodeJS.ProcessEnv): Promise<void> {
  const containers = (await runDocker(['ps', '-aq', '--filter', `label=${label}`], cliEnv)).stdout.split('\n').filter(Boolean);
  if (containers.length > 0) await runDocker(['rm', '-f', ...containers], cliEnv, 120_000);
  const networks = (await runDocker(['network', 'ls', '-q', '--filter', `label=${label}`], cliEnv)).stdout.split('\n').filter(Boolean);
  if (networks.length > 0) await runDocker(['network', 'rm', ...networks], cliEnv, 300_000);
}

export async function runNetworksMeasures(options: NetworksMeasuresOptions): Promise<{ measures: Pick<Measures, 'networks'>; teardownProblems: string[] }> {
  const { settings, cliEnv } = options;
  const phase = new Teardown();
  const measures: Pick<Measures, 'networks'> = {};
  try {
    await removeBenchObjects(cliEnv); // leftovers of an interrupted run
    phase.add('bench networks', () => removeBenchObjects(cliEnv));
    const subnets = await freeTestSubnets(settings.networkCount);
    log(`networks: creating ${settings.networkCount} networks and ${containerCount} containers on them`);
    const names = subnets.map((_subnet, index) => `bench-net-${index}`);
    for (const [index, subnet] of subnets.entries()) await runDocker(['network', 'create', '--label', label, '--subnet', subnet, names[index] as string], cliEnv);
    for (let index = 0; index < containerCount; index++) {
      const networks = [names[index % names.length], names[(index * 7 + 3) % names.length]] as string[];
      const name = `bench-net-member-${index}`;
      await runDocker(['run', '-d', '--label', label, '--name', name, '--network', networks[0] as string, options.image, 'sleep', '3600'], cliEnv);
      if (networks[1] !== networks[0]) await runDocker(['network', 'connect', '--alias', `member-${index}`, networks[1] as string, name], cliEnv);
    }
    const serve = await startBerthServe(options.engineUrl, 'networks');
    phase.add('berth serve', () => serve.stop());
    measures.networks = await attempt('networks list', () =>
      measureNetworks({ hostUrl: serve.url, socketPath: socketPathOf(options.engineUrl), iterations: settings.listIterations, warmup: settings.warmup }),
    );
  } catch (error) {
    measures.networks ??= { error: error instanceof Error ? error.message : String(error) };
  }
  return { measures, teardownProblems: await phase.run() };
}
