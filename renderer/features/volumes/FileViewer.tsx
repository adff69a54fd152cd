import { displayByteSize } from '../../../runtime/api/index.js';
import { useMethodResult } from '../container-details/useMethodResult.js';

interface FileViewerProps {
  engineId: string;
  name: string;
  path: string;
  onClose: () => void;
  onDownload: () => void;
}

/** A small text file of a volume, as text (never HTML), its first MiB at most; a binary file says so and offers the download. */
export function FileViewer({ engineId, name, path, onClose, onDownload }: FileViewerProps) {
  const file = useMethodResult('volumes.readFile', { name, path }, { engineId });
  const data = file.isLoading ? null : file.data;
  return (
    <section aria-labelledby="volume-file-title" className="volume-file">
      <h3 id="volume-file-title">{path}</h3>
      <div className="volume-actions">
        <button type="button" onClick={onDownload}>
          Download
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {file.error !== null && (
        <p role="alert" className="error-text">
          Could not open {path}: {file.error.message}
        </p>
      )}
      {data === null ? (
        file.error === null && <p role="status">Reading {path}…</p>
      ) : data.text === null ? (
        <p role="status">This file ({displayByteSize(data.sizeBytes)}) is not text: download it to look inside.</p>
      ) : (
        <>
          {data.truncated && <p role="status">The first {displayByteSize(new TextEncoder().encode(data.text).length)} of {displayByteSize(data.sizeBytes)}; download the file for the rest.</p>}
          <pre className="volume-file-text" aria-label={`Content of ${path}`}>
            {data.text}
          </pre>
        </>
      )}
    </section>
  );
}
