import '../../ui/table.css';
import './volumes.css';
import { useState } from 'react';
import { containerHref, hrefOf, volumeHref } from '../../app/routes.js';
import { useBerth } from '../../stores/store.js';
import { Fact, Section } from '../../ui/DetailSections.js';
import { fullDate } from '../../ui/relativeTime.js';
import { runHref } from '../run/runRoute.js';
import { FileBrowser } from './FileBrowser.js';
import { NameDialog } from './NameDialog.js';
import { RemoveVolumeDialog } from './RemoveVolumeDialog.js';
import { TransferStatusLine } from './TransferStatusLine.js';
import { ActionStatusLine, useVolumeActions } from './useVolumeActions.js';
import { useVolumeTransfers } from './useVolumeTransfers.js';
import { createdSeconds } from './volumeRows.js';
import { sizeText } from './VolumeTable.js';

type Open = 'remove' | 'clone' | 'restore' | null;

const mapText = (map: Record<string, string>) =>
  Object.entries(map)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ') || 'none';

/** `#/volumes/<engine>/<name>`: one volume, live: its facts, who uses it, its files, and what can be done with it. */
export function VolumePage({ engineId, name, path }: { engineId: string; name: string; path: string }) {
  const engine = useBerth((s) => s.volumes.byEngine[engineId]);
  const volume = engine?.byName[name];
  const transfers = useVolumeTransfers();
  const actions = useVolumeActions();
  const [open, setOpen] = useState<Open>(null);
  const target = { engineId, name };

  if (engine === undefined || !engine.loaded) return <p className="empty">Loading the volume…</p>;
  if (volume === undefined) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">{name}</h1>
        <ActionStatusLine status={actions.status} onDismiss={() => actions.say({ kind: 'idle' })} />
        <p className="empty">
          There is no volume {name} on this engine (any more). <a href={hrefOf('volumes')}>All volumes</a>
        </p>
      </section>
    );
  }
  const created = createdSeconds(volume);
  const working = transfers.status.kind === 'working';
  return (
    <section className="page volume-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{volume.name}</h1>
        <span className="page-header-end volume-actions">
          <a className="button-link" href={runHref(undefined, engineId, volume.name)}>
            Run a container with this volume
          </a>
          <button type="button" disabled={working} onClick={() => transfers.backup(target)}>
            Back up
          </button>
          <button type="button" disabled={working} onClick={() => setOpen('restore')}>
            Restore into it…
          </button>
          <button type="button" disabled={working} onClick={() => setOpen('clone')}>
            Clone…
          </button>
          <button type="button" className="button-danger" onClick={() => setOpen('remove')}>
            Remove
          </button>
        </span>
      </header>
      <ActionStatusLine status={actions.status} onDismiss={() => actions.say({ kind: 'idle' })} />
      <TransferStatusLine status={transfers.status} onDismiss={transfers.dismiss} />
      <Section id="volume-overview" title="Overview">
        <dl className="facts">
          <Fact term="Driver">{volume.driver}</Fact>
          <Fact term="Scope">{volume.scope}</Fact>
          <Fact term="Size">{sizeText(engine.sizes, volume.name)}</Fact>
          <Fact term="Created">{created === null ? 'unknown' : fullDate(created)}</Fact>
          <Fact term="Mountpoint">{volume.mountpoint}</Fact>
          <Fact term="Driver options">{mapText(volume.options)}</Fact>
          <Fact term="Labels">{mapText(volume.labels)}</Fact>
          <Fact term="Kind">{volume.isAnonymous ? 'anonymous (made by the engine for a container)' : 'named'}</Fact>
        </dl>
      </Section>
      <Section id="volume-users" title="Used by">
        {volume.containers.length === 0 ? (
          <p>No container uses this volume: it is unused.</p>
        ) : (
          <ul aria-label="Containers using this volume">
            {volume.containers.map((user) => (
              <li key={user.id}>
                <a href={containerHref(user.engineId, user.id)}>{user.name}</a> ({user.state})
              </li>
            ))}
          </ul>
        )}
      </Section>
      <FileBrowser engineId={engineId} name={volume.name} path={path} onDownload={(filePath) => transfers.download(target, filePath)} />
      {open === 'remove' && <RemoveVolumeDialog volume={volume} onRemove={(removed) => actions.remove(removed)} onClose={() => setOpen(null)} />}
      {open === 'clone' && (
        <NameDialog
          title={`Clone ${volume.name}`}
          label="New volume"
          confirmLabel="Clone"
          initial={`${volume.name}-copy`}
          onConfirm={(newName) => transfers.clone(target, newName)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'restore' && (
        <NameDialog
          title={`Restore a backup into ${volume.name}`}
          label="Into volume"
          confirmLabel="Restore"
          initial={volume.name}
          hint="This volume must be empty unless you overwrite; a new name makes a new volume."
          {...(transfers.isDesktop ? {} : { fileLabel: 'Backup file' })}
          offerOverwrite
          onConfirm={(into, options) =>
            transfers.restore({ engineId, name: into }, options.overwrite, options.file, (result) => {
              if (result.volume !== volume.name) window.location.hash = volumeHref(engineId, result.volume);
            })
          }
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
