import { displayByteSize, type ContainerLimits, type EngineIdentity, type StatsSample } from '../../../runtime/api/index.js';

interface LiveUsageProps {
  sample: StatsSample | null;
  limits: ContainerLimits;
  host: EngineIdentity | undefined;
}

/** Live use next to the limit it runs against: memory, CPU and PIDs, each with a meter. */
export function LiveUsage({ sample, limits, host }: LiveUsageProps) {
  if (sample === null) return <p className="muted">Waiting for the first sample…</p>;
  const memoryLimit = limits.memoryBytes > 0 ? limits.memoryBytes : sample.memoryLimitBytes;
  const memoryLimitText = limits.memoryBytes > 0 ? `limit ${displayByteSize(memoryLimit)}` : `no limit; host has ${displayByteSize(memoryLimit)}`;
  const cpuLimit = limits.cpus > 0 ? limits.cpus : (host?.cpus ?? sample.onlineCpus);
  const cpuLimitText = limits.cpus > 0 ? `limit ${limits.cpus} CPUs` : `no limit; host has ${cpuLimit} CPUs`;
  const pidsLimited = limits.pidsLimit > 0;
  return (
    <dl className="facts usage">
      <dt>Memory</dt>
      <dd>
        <meter aria-label="Memory use" min={0} max={memoryLimit} value={sample.memoryUsageBytes} />
        <span>
          {displayByteSize(sample.memoryUsageBytes)} ({percent(sample.memoryUsageBytes, memoryLimit)}) · {memoryLimitText}
        </span>
      </dd>
      <dt>CPU</dt>
      <dd>
        <meter aria-label="CPU use" min={0} max={cpuLimit * 100} value={sample.cpuPercent} />
        <span>
          {sample.cpuPercent.toFixed(1)}% of one CPU ({percent(sample.cpuPercent, cpuLimit * 100)} of the limit) · {cpuLimitText}
        </span>
      </dd>
      <dt>Processes (PIDs)</dt>
      <dd>
        {pidsLimited && <meter aria-label="PIDs use" min={0} max={limits.pidsLimit} value={sample.pids} />}
        <span>
          {sample.pids} · {pidsLimited ? `limit ${limits.pidsLimit}` : 'no limit'}
        </span>
      </dd>
    </dl>
  );
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–';
}
