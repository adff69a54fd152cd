import { displayByteSize } from '../../../runtime/api/index.js';
import { useLiveSample, type LiveSamples } from './liveSamples.js';

interface UsageBarsProps {
  samples: LiveSamples;
  /** The row's `itemKey(engineId, id)`. */
  itemKey: string;
  /** The container's name, for the meters' accessible names. */
  name: string;
}

/**
 * A running row's CPU and memory as two small meters with their values: CPU against the
 * container's CPU limit (else the host's CPUs), memory against its limit (else the host's).
 */
export function UsageBars({ samples, itemKey, name }: UsageBarsProps) {
  const sample = useLiveSample(samples, itemKey);
  if (!sample) return <span className="muted">…</span>;
  const cpuMax = (sample.cpuLimitCpus > 0 ? sample.cpuLimitCpus : sample.onlineCpus || 1) * 100;
  return (
    <div className="usage-bars">
      <div className="usage-bar" title={`${sample.cpuPercent.toFixed(1)}% of one CPU`}>
        <span>CPU</span>
        <meter aria-label={`CPU use of ${name}`} min={0} max={cpuMax} value={Math.min(sample.cpuPercent, cpuMax)} />
        <span>{sample.cpuPercent.toFixed(1)}%</span>
      </div>
      <div className="usage-bar" title={`${displayByteSize(sample.memoryUsageBytes)} of ${displayByteSize(sample.memoryLimitBytes)}`}>
        <span>Mem</span>
        <meter aria-label={`Memory use of ${name}`} min={0} max={sample.memoryLimitBytes || 1} value={sample.memoryUsageBytes} />
        <span>{displayByteSize(sample.memoryUsageBytes)}</span>
      </div>
    </div>
  );
}
