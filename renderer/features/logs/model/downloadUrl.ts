import { downloadUrl } from '../../../../runtime/api/downloads.js';

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

/** The same choices as `logs.save` params (the desktop app's save), without a path. */
export function logSaveParams(download: LogDownload) {
  const { containerId, since, until, tail, timestamps, stdout, stderr } = download;
  return { id: containerId, tail, timestamps, stdout, stderr, ...(since === null ? {} : { since }), ...(until === null ? {} : { until }) };
}

/** The web host's download of a container's log (`berth serve`; the page's token cookie goes with it), built by the contract's own `downloadUrl`. */
export function logDownloadUrl(download: LogDownload): string {
  return downloadUrl('logs', logSaveParams(download), download.engineId);
}
