import { useEffect, useState } from 'react';
import { displayByteSize, type ManifestView } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { registryHref } from '../../app/routes.js';
import { useDefaultEngineId, useEngineViews } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Fact } from '../../ui/DetailSections.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { runHref } from '../run/runRoute.js';

/** The image reference a pull or a run uses for a tag or digest of this repository. */
export function imageReferenceOf(registry: string, repository: string, reference: string): string {
  return reference.includes(':') ? `${registry}/${repository}@${reference}` : `${registry}/${repository}:${reference}`;
}

interface ManifestPaneProps {
  registry: string;
  repository: string;
  reference: string;
  onDeleted: () => void;
}

/**
 * A tag's (or digest's) manifest: an image's layers, total size and created date, or an index's
 * platforms, or, for a media type Berth does not know, the manifest as sent. Pull and Run use
 * the images issue's pull (a task with per-layer progress); Delete asks first.
 */
export function ManifestPane({ registry, repository, reference, onDeleted }: ManifestPaneProps) {
  const clientSource = useClientSource();
  const startTask = useBerth((s) => s.tasks.start);
  const connected = useEngineViews().filter((engine) => engine.state === 'connected');
  const defaultEngineId = useDefaultEngineId();
  const [chosenEngine, setChosenEngine] = useState<string | null>(null);
  const [manifest, setManifest] = useState<ManifestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const engineId = chosenEngine ?? (connected.some((engine) => engine.engineId === defaultEngineId) ? defaultEngineId : (connected[0]?.engineId ?? null));
  const imageReference = imageReferenceOf(registry, repository, reference);
  const isTag = !reference.includes(':');

  useEffect(() => {
    const client = clientSource();
    if (client === null) return;
    client.call('registries.manifest', { registry, repository, reference }).then(setManifest, (thrown: unknown) => setError(toBerthError(thrown).message));
  }, [clientSource, registry, repository, reference]);

  const pull = () => {
    const client = clientSource();
    if (client === null || engineId === null) return;
    startTask(client, 'pull', engineId, imageReference);
    setNote(`Pulling ${imageReference}: see the task in the status bar.`);
  };
  const deleteTag = async () => {
    setDeleting(false);
    const client = clientSource();
    if (client === null) return;
    try {
      await client.call('registries.deleteTag', { registry, repository, tag: reference });
      onDeleted();
      window.location.hash = registryHref(registry, repository);
    } catch (thrown) {
      setNote(toBerthError(thrown).message);
    }
  };

  return (
    <div className="registry-pane registry-manifest" role="region" aria-label={`Manifest of ${imageReference}`}>
      <h2>{isTag ? `${repository}:${reference}` : `${repository}@${reference.slice(0, 19)}…`}</h2>
      <div className="registry-manifest-actions">
        {connected.length > 1 && <EngineSelect engineId={engineId ?? undefined} choices={connected} onChoose={setChosenEngine} hint="Where Pull and Run go." />}
        <button type="button" disabled={engineId === null} onClick={pull}>
          Pull
        </button>
        <a className="button" href={runHref(imageReference, connected.length > 1 && engineId !== null ? engineId : undefined)}>
          Run
        </a>
        {isTag && (
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete tag…
          </button>
        )}
      </div>
      {note && <p role="status">{note}</p>}
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {manifest === null && error === null && <p className="empty">Reading the manifest…</p>}
      {manifest && <ManifestFacts manifest={manifest} />}
      {deleting && (
        <ConfirmDialog title={`Delete ${repository}:${reference}?`} confirmLabel="Delete tag" onCancel={() => setDeleting(false)} onConfirm={() => void deleteTag()}>
          <p>
            The registry deletes the manifest this tag points at ({manifest?.digest ?? 'its digest'}): other tags of the same digest go with it. Images already pulled stay on the
            engines.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ManifestFacts({ manifest }: { manifest: ManifestView }) {
  return (
    <>
      <dl className="facts">
        <Fact term="Digest">{manifest.digest}</Fact>
        <Fact term="Media type">{manifest.mediaType}</Fact>
        {manifest.os && <Fact term="OS / architecture">{`${manifest.os}/${manifest.architecture ?? '?'}`}</Fact>}
        {manifest.created !== undefined && <Fact term="Created">{manifest.created ?? 'not recorded'}</Fact>}
        {manifest.totalSizeBytes !== undefined && <Fact term="Total size">{`${displayByteSize(manifest.totalSizeBytes)} (${manifest.totalSizeBytes} bytes, compressed)`}</Fact>}
      </dl>
      {manifest.platforms && (
        <table className="registry-detail-table" aria-label="Platforms">
          <thead>
            <tr>
              <th scope="col">Platform</th>
              <th scope="col">Digest</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {manifest.platforms.map((platform) => (
              <tr key={platform.digest}>
                <td>{[platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')}</td>
                <td className="digest">{platform.digest}</td>
                <td>{displayByteSize(platform.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manifest.layers && (
        <table className="registry-detail-table" aria-label="Layers">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Size</th>
              <th scope="col">Media type</th>
            </tr>
          </thead>
          <tbody>
            {manifest.layers.map((layer, index) => (
              <tr key={`${index}-${layer.digest}`}>
                <td className="digest">{layer.digest}</td>
                <td title={`${layer.sizeBytes} bytes`}>{displayByteSize(layer.sizeBytes)}</td>
                <td>{layer.mediaType}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manifest.raw !== undefined && (
        <>
          <p role="note">Berth does not know this media type; the manifest as the registry sent it:</p>
          <pre className="registry-raw">{manifest.raw}</pre>
        </>
      )}
    </>
  );
}
