/**
 * A container's status line as the engine writes it for `docker ps` ("Up 3 minutes (healthy)",
 * "Exited (137) 2 hours ago"), kept true as time passes: the backend knows when the duration in
 * it counts from (`ContainerSummary.statusSince`), and the UI writes it again for the time now.
 */

/** The engine's human durations (go-units HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (Number.isNaN(seconds) || seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

const upLine = /^Up .+?( \((?:Paused|healthy|unhealthy|health: starting)\))?$/;
const agoLine = /^(Exited|Restarting) \((-?\d+)\) .+ ago$/;

/**
 * `status` written again for `nowMs`, its duration counted from `since` (both milliseconds since
 * the epoch, by one clock). A line with no duration in it ("Created"), or no `since`, stays as it is.
 */
export function statusAt(status: string, since: number | undefined, nowMs: number): string {
  if (since === undefined) return status;
  const up = upLine.exec(status);
  if (up) return `Up ${humanDuration(nowMs - since)}${up[1] ?? ''}`;
  const ago = agoLine.exec(status);
  if (ago) return `${ago[1] ?? ''} (${ago[2] ?? ''}) ${humanDuration(nowMs - since)} ago`;
  return status;
}
