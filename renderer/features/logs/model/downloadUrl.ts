/** What a download of one container's log asks for: the view's since/until, timestamps and streams. */
export interface LogDownload {
  engineId: string;
  containerId: string;
  since: string | null;
  until: string | null;
  tail: number | 'all';
  timestamps: boolean;
  stdout: boolean;
  stderr: boolean;
}

/**
 * The web host's download of a container's log (`berth serve`; the page's token cookie goes
 * with it). The one place that knows the route and its parameters.
 */
export function logDownloadUrl(download: LogDownload): string {
  const query = new URLSearchParams({ engine: download.engineId, id: download.containerId });
  if (download.since !== null) query.set('since', download.since);
  if (download.until !== null) query.set('until', download.until);
  query.set('tail', String(download.tail));
  query.set('timestamps', download.timestamps ? '1' : '0');
  query.set('stdout', download.stdout ? '1' : '0');
  query.set('stderr', download.stderr ? '1' : '0');
  return `/download/logs?${query.toString()}`;
}
