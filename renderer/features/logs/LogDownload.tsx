import { memo, useState } from 'react';
import { displayByteSize } from '../../../runtime/api/byte-size.js';
import { useClientSource } from '../../app/connectionContext.js';
import { findBridge } from '../../transport/ipcPort.js';
import { MenuButton } from '../../ui/MenuButton.js';
import type { LogDisplay } from './LogDisplayOptions.js';
import { logDownloadUrl, logSaveParams, type LogDownload as Download } from './model/downloadUrl.js';
import type { LogReadOptions, LogSource } from './model/logSession.js';

interface LogDownloadProps {
  sources: readonly LogSource[];
  readOptions: LogReadOptions;
  display: LogDisplay;
}

/**
 * Download: the engine's log streamed to a file with the view's since/until, timestamps and
 * streams, however much the view holds (the whole log in that range, not the tail). In the
 * desktop app the backend asks where with a save dialog (`logs.save` without a path); in a
 * browser it is the web host's download.
 */
export const LogDownload = memo(function LogDownload({ sources, readOptions, display }: LogDownloadProps) {
  const clientSource = useClientSource();
  const [result, setResult] = useState<{ text: string; isError: boolean } | null>(null);
  const isDesktop = findBridge(window) !== null;
  const isEmpty = !display.showStdout && !display.showStderr;
  const downloadOf = (source: LogSource): Download => ({
    engineId: source.engineId,
    containerId: source.containerId,
    since: readOptions.since,
    until: readOptions.until,
    tail: 'all',
    timestamps: display.timestamps,
    stdout: display.showStdout,
    stderr: display.showStderr,
  });

  const save = (source: LogSource) => {
    const client = clientSource();
    if (client === null) return setResult({ text: 'Not connected to Berth.', isError: true });
    setResult(null);
    client.call('logs.save', logSaveParams(downloadOf(source)), { engine: source.engineId }).then(
      (saved) => setResult(saved.path === null ? null : { text: `Saved ${displayByteSize(saved.bytes)} to ${saved.path}`, isError: false }),
      (error: Error) => setResult({ text: `Could not save the log of ${source.name}: ${error.message}`, isError: true }),
    );
  };

  /** In a browser: the host's download, as a link would start it. */
  const fetchFile = (source: LogSource) => {
    const link = document.createElement('a');
    link.href = logDownloadUrl(downloadOf(source));
    link.download = '';
    link.click();
  };

  const only = sources.length === 1 ? sources[0] : undefined;
  return (
    <span className="log-download">
      {only === undefined ? (
        <MenuButton
          label="Download the log of"
          text="Download"
          disabled={isEmpty || sources.length === 0}
          items={sources.map((source) => ({ label: source.name, onSelect: () => (isDesktop ? save(source) : fetchFile(source)) }))}
        />
      ) : isDesktop || isEmpty ? (
        <button type="button" disabled={isEmpty} onClick={() => save(only)}>
          Download
        </button>
      ) : (
        <a className="button-link" href={logDownloadUrl(downloadOf(only))} download>
          Download
        </a>
      )}
      {result && (
        <span role={result.isError ? 'alert' : 'status'} className={result.isError ? 'error-text' : 'log-download-result'}>
          {result.text}
        </span>
      )}
    </span>
  );
});
