import { runSpecSchema } from '../runtime/api/index.js';
import { parseRunCommand } from '../runtime/services/run/parse-run-command.js';
import { specIssues } from '../runtime/services/run/validate-spec.js';
import { connectBerth } from './berth-client.js';
import { untilEngineConnected } from './measure-list.js';
import { startBerthServe } from './berth-serve.js';
import { round, summarize, type Summary } from './stats.js';
import { log } from './support.js';

/**
 * A pasted command of 100 flags (issue 15): `containers.parseRunCommand` then
 * `containers.validateRun` of the spec it gives, through a `berth serve` over its WebSocket, as
 * the Run form asks them (paste, then check); and, for where the time goes, the parser and the
 * spec checks in this process without any transport. The docker CLI has no counterpart to time:
 * it reads its flags only on the way to a create.
 */

export interface RunCommandMeasure {
  flags: number;
  runs: number;
  /** parseRunCommand + validateRun, one after the other, until the second answers. */
  pasteAndCheck: Summary;
  parse: Summary;
  validate: Summary;
  /** parseRunCommand and the schema + spec checks in-process (no host checks, no transport). */
  inProcess: Summary;
  issues: number;
}

/** 100 flags of every kind the Run form reads, each a value the engine would take. */
export function hundredFlagLine(image: string): { line: string; flags: number } {
  const flags: string[] = [];
  for (let index = 0; index < 20; index++) flags.push(`-e VAR_${index}=value-${index}`);
  for (let index = 0; index < 10; index++) flags.push(`--label com.example.key${index}=value${index}`);
  for (let index = 0; index < 6; index++) flags.push(`-p ${80 + index}`);
  for (const limit of ['nofile=1024:2048', 'nproc=512', 'core=0', 'stack=8388608', 'memlock=65536', 'sigpending=1000']) flags.push(`--ulimit ${limit}`);
  for (let index = 0; index < 6; index++) flags.push(`--sysctl net.ipv4.conf.all.arp_ignore=${index % 2}`, `--log-opt key${index}=v${index}`);
  for (let index = 0; index < 5; index++) flags.push(`--mount type=tmpfs,target=/t${index},tmpfs-size=${index + 1}m`, `--tmpfs /r${index}:size=1m`);
  for (let index = 0; index < 4; index++) flags.push(`--expose ${9000 + index}/udp`, `--dns-search d${index}.example.com`, `--add-host h${index}:10.0.0.${index + 1}`);
  flags.push(
    "--health-cmd 'test -f /tmp/ok || exit 1'", '--health-interval 30s', '--health-timeout 5s', '--health-retries 3', '--health-start-period 1m',
    '--shm-size 128m', '--memory-swappiness 10', '--oom-score-adj 100', '-m 256m', '--memory-reservation 128m', '--cpus 1', '--cpu-shares 512',
    '--pids-limit 200', '--security-opt no-new-privileges', '--cap-drop ALL', '--cap-add NET_BIND_SERVICE', '--device /dev/null:/dev/mynull:r',
    '--log-driver json-file', '--stop-signal SIGINT', '--stop-timeout 20', '--restart unless-stopped', '--hostname web', '--domainname example.org',
    '--user 1000:1000', '--workdir /srv', '--init', '--read-only', '--dns-option ndots:2', '--name bench-run-command-never-created',
  );
  return { line: `docker run -d ${flags.join(' ')} ${image} sleep 3600`, flags: flags.length };
}

export async function measureRunCommand(options: { engineUrl: string; image: string; runs: number; warmup: number }): Promise<RunCommandMeasure> {
  const { line, flags } = hundredFlagLine(options.image);
  const serve = await startBerthServe(options.engineUrl, 'run command');
  const connection = await connectBerth(serve.url);
  try {
    const { client } = connection;
    await untilEngineConnected(async () => (await client.call('containers.list', { all: true })).length);
    log(`run command: ${flags} flags, ${options.warmup} warm-up + ${options.runs} runs (paste, check; in-process)`);
    const samples = { pasteAndCheck: [] as number[], parse: [] as number[], validate: [] as number[], inProcess: [] as number[] };
    let issues = 0;
    for (let index = 0; index < options.warmup + options.runs; index++) {
      const start = performance.now();
      const { spec } = await client.call('containers.parseRunCommand', { command: line });
      const parsed = performance.now();
      const check = await client.call('containers.validateRun', { spec });
      const checked = performance.now();
      const local = performance.now();
      const specHere = runSpecSchema.parse(parseRunCommand(line).spec);
      specIssues(specHere, { cpus: 2, memoryBytes: 8 * 1024 ** 3, apiVersion: '1.41', os: 'linux' });
      const localDone = performance.now();
      if (index < options.warmup) continue;
      issues = check.issues.length;
      samples.pasteAndCheck.push(checked - start);
      samples.parse.push(parsed - start);
      samples.validate.push(checked - parsed);
      samples.inProcess.push(localDone - local);
    }
    const result = {
      flags,
      runs: options.runs,
      pasteAndCheck: summarize(samples.pasteAndCheck),
      parse: summarize(samples.parse),
      validate: summarize(samples.validate),
      inProcess: summarize(samples.inProcess),
      issues,
    };
    log(`run command: paste+check p50 ${result.pasteAndCheck.medianMs} ms, p95 ${result.pasteAndCheck.p95Ms} ms; in-process p50 ${round(result.inProcess.medianMs)} ms`);
    return result;
  } finally {
    connection.dispose();
    await serve.stop();
  }
}
