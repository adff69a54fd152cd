import type { EngineEntry, EngineLatency } from '../../../runtime/api/index.js';

/** "connected", "connecting", "unreachable: <the exact reason>" or "disconnected". */
export function engineStateText(entry: Pick<EngineEntry, 'state' | 'reason'>): string {
  if (entry.state === 'unreachable') return `unreachable: ${entry.reason?.message ?? 'no reason given'}`;
  return entry.state;
}

/** "median 4 ms, max 19 ms (12 calls)", from calls Berth made anyway; "no calls yet" before the first. */
export function latencyText(latency: EngineLatency): string {
  if (latency.medianMs === null || latency.maxMs === null || latency.samples === 0) return 'no calls yet';
  const calls = latency.samples === 1 ? '1 call' : `${latency.samples} calls`;
  return `median ${milliseconds(latency.medianMs)}, max ${milliseconds(latency.maxMs)} (${calls})`;
}

function milliseconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}
