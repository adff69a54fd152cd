import { memo, useState } from 'react';
import { childPath, displayByteSize, parentPath, pathTrail, type VolumeEntry } from '../../../runtime/api/index.js';
import { volumeHref } from '../../app/routes.js';
import { fullDate, relativeTime } from '../../ui/relativeTime.js';
import { useNow } from '../../ui/useNow.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import { FileViewer } from './FileViewer.js';
import { useFolderEntries } from './useFolderEntries.js';

const columns = ['Name', 'Size', 'Mode', 'Owner', 'Modified'] as const;

interface FileBrowserProps {
  engineId: string;
  name: string;
  /** The folder shown, from the volume's root. */
  path: string;
  onDownload: (path: string) => void;
}

/**
 * A volume's files, read-only: one folder at a time (its address carries the folder, so Back
 * works), its entries as `ls -la` shows them in a table that renders only the rows in view (a
 * folder of 10,000 files shows its first screen at once), a folder's contents by clicking it, a
 * small text file opened below, any file or folder downloaded as a tar.
 */
export function FileBrowser({ engineId, name, path, onDownload }: FileBrowserProps) {
  const listing = useFolderEntries(engineId, name, path);
  const [opened, setOpened] = useState<string | null>(null);
  const nowMs = useNow(60_000);
  const { entries, count } = listing;
  return (
    <section aria-labelledby="volume-files" className="volume-files">
      <h2 id="volume-files">Files</h2>
      <nav aria-label="Folder">
        <ol className="breadcrumbs">
          {pathTrail(path).map((step, index, trail) => (
            <li key={step.path}>
              {index === trail.length - 1 ? <span aria-current="location">{step.name}</span> : <a href={volumeHref(engineId, name, step.path)}>{step.name}</a>}
              {index < trail.length - 1 && step.path !== '/' ? ' /' : ''}
            </li>
          ))}
        </ol>
      </nav>
      <div className="volume-actions">
        {path !== '/' && <a href={volumeHref(engineId, name, parentPath(path))}>Up one folder</a>}
        <button type="button" onClick={listing.reload}>
          Refresh
        </button>
        <button type="button" onClick={() => onDownload(path)}>
          {path === '/' ? 'Download all files' : 'Download this folder'}
        </button>
        {entries !== null && (
          <span role="status" aria-label="Folder contents">
            {listing.isDone ? `${count} ${count === 1 ? 'entry' : 'entries'}` : `${count} entries so far, reading…`}
          </span>
        )}
      </div>
      {listing.error !== null && (
        <p role="alert" className="error-text">
          Could not list {path}: {listing.error.message}
        </p>
      )}
      {entries === null ? (
        listing.error === null && <p role="status">Reading {path}…</p>
      ) : count === 0 && listing.isDone ? (
        <p className="empty">This folder is empty.</p>
      ) : (
        <VirtualTable
          label={`Files in ${path}`}
          className="files-table"
          rowCount={count}
          rowKey={(index) => entries[index]?.name ?? index}
          columns={columns}
          renderRow={(index, placement) => {
            const entry = entries[index];
            if (!entry) return null;
            return (
              <FileRow
                key={entry.name}
                entry={entry}
                href={entry.type === 'directory' ? volumeHref(engineId, name, childPath(path, entry.name)) : null}
                rowIndex={placement.rowIndex}
                offsetPx={placement.offsetPx}
                heightPx={placement.heightPx}
                nowMs={nowMs}
                onOpen={() => setOpened(childPath(path, entry.name))}
                onDownload={() => onDownload(childPath(path, entry.name))}
              />
            );
          }}
        />
      )}
      {opened !== null && <FileViewer engineId={engineId} name={name} path={opened} onClose={() => setOpened(null)} onDownload={() => onDownload(opened)} />}
    </section>
  );
}

interface FileRowProps {
  entry: VolumeEntry;
  /** A folder's address; null for anything else. */
  href: string | null;
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
  nowMs: number;
  onOpen: () => void;
  onDownload: () => void;
}

/** One entry; its name and link target are text, never HTML. */
const FileRow = memo(function FileRow({ entry, href, rowIndex, offsetPx, heightPx, nowMs, onOpen, onDownload }: FileRowProps) {
  const owner = `${entry.user ?? entry.uid}:${entry.group ?? entry.gid}`;
  const size =
    entry.type === 'directory'
      ? `${displayByteSize(entry.contentBytes ?? 0)} in ${entry.itemCount ?? 0}`
      : displayByteSize(entry.sizeBytes);
  const isReadable = entry.type === 'file' || entry.type === 'hardlink';
  return (
    <div role="row" aria-label={entry.name} aria-rowindex={rowIndex} className="row" style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className="cell cell-name" title={entry.linkTarget === null ? entry.name : `${entry.name} → ${entry.linkTarget}`}>
        {href !== null ? <a href={href}>{entry.name}/</a> : entry.name}
        {entry.linkTarget !== null && <span className="file-name-link"> → {entry.linkTarget}</span>}
      </div>
      <div role="cell" className="cell" title={entry.type === 'directory' ? 'The files below it, and how many entries' : `${entry.sizeBytes} bytes`}>
        {size}
      </div>
      <div role="cell" className="cell image-id">
        {entry.mode}
      </div>
      <div role="cell" className="cell">
        {owner}
      </div>
      <div role="cell" className="cell" title={fullDate(entry.modified)}>
        {relativeTime(entry.modified, nowMs)}
      </div>
      <div role="cell" className="cell cell-actions">
        {isReadable && (
          <button type="button" aria-label={`Open ${entry.name}`} onClick={onOpen}>
            Open
          </button>
        )}
        <button type="button" aria-label={`Download ${entry.name}`} onClick={onDownload}>
          Download
        </button>
      </div>
    </div>
  );
});
