import { useEffect, useState } from 'react';
import type { ManifestView } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { registryHref } from '../../app/routes.js';
import { useDefaultEngineId, useEngineViews } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { runHref } from '../run/runRoute.js';
import { ManifestFacts } from './ManifestFacts.js';

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

/** Where deleting the tag stands: not asked, the dialog open, or the request on its way. */
type Deletion = 'idle' | 'asking' | 'sending';

/**
 * A tag's (or digest's) manifest (ManifestFacts) with what can be done with it: Pull (the images
 * issue's pull, a task with per-layer progress in the status bar; not started twice while one
 * runs), Run (the Run form, which pulls a missing image first) and Delete (asks first).
 */
export function ManifestPane({ registry, repository, reference, onDeleted }: ManifestPaneProps) {
  const clientSource = useClientSource();
  const startTask = useBerth((s) => s.tasks.start);
  const connected = useEngineViews().filter((engine) => engine.state === 'connected');
  const defaultEngineId = useDefaultEngineId();
  const [chosenEngine, setChosenEngine] = useState<string | null>(null);
  const [manifest, setManifest] = useState<ManifestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deletion, setDeletion] = useState<Deletion>('idle');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const engineId =
    chosenEngine !== null && connected.some((engine) => engine.engineId === chosenEngine)
      ? chosenEngine
      : connected.some((engine) => engine.engineId === defaultEngineId)
        ? defaultEngineId
        : (connected[0]?.engineId ?? null);
  const imageReference = imageReferenceOf(registry, repository, reference);
  const isTag = !reference.includes(':');
  const tagName = `${repository}:${reference}`;
  const isPulling = useBerth((s) => s.tasks.list.some((task) => task.kind === 'pull' && task.state === 'running' && task.reference === imageReference && task.engineId === engineId));

  useEffect(() => {
    const client = clientSource();
    if (client === null) return;
    const controller = new AbortController();
    client.call('registries.manifest', { registry, repository, reference }, { signal: controller.signal }).then(setManifest, (thrown: unknown) => {
      if (!controller.signal.aborted) setError(toBerthError(thrown).message);
    });
    return () => controller.abort();
  }, [clientSource, registry, repository, reference]);

  const pull = () => {
    const client = clientSource();
    if (client === null || engineId === null || isPulling) return;
    startTask(client, 'pull', engineId, imageReference);
  };
  const deleteTag = async () => {
    const client = clientSource();
    if (client === null) return;
    setDeletion('sending');
    setDeleteError(null);
    try {
      await client.call('registries.deleteTag', { registry, repository, tag: reference });
      onDeleted();
      window.location.hash = registryHref(registry, repository);
    } catch (thrown) {
      setDeleteError(`Could not delete ${tagName}: ${toBerthError(thrown).message}`);
      setDeletion('idle');
    }
  };

  return (
    <div className="registry-pane registry-manifest" role="region" aria-label={`Manifest of ${imageReference}`}>
      <h2>{isTag ? tagName : `${repository}@${reference.slice(0, 19)}…`}</h2>
      <div className="registry-manifest-actions">
        {connected.length > 1 && <EngineSelect engineId={engineId ?? undefined} choices={connected} onChoose={setChosenEngine} hint="Where Pull and Run go." />}
        <button type="button" aria-label={`Pull ${imageReference}`} disabled={engineId === null || isPulling} onClick={pull}>
          {isPulling ? 'Pulling…' : 'Pull'}
        </button>
        <a className="button-link" aria-label={`Run ${imageReference}`} href={runHref(imageReference, engineId ?? undefined)}>
          Run
        </a>
        {isTag && (
          <button type="button" className="button-danger" aria-label={`Delete tag ${tagName}`} disabled={deletion !== 'idle'} onClick={() => setDeletion('asking')}>
            {deletion === 'sending' ? 'Deleting…' : 'Delete tag…'}
          </button>
        )}
      </div>
      {engineId === null && <p className="field-hint">No engine is connected: Pull and Run need one.</p>}
      {deleteError !== null && (
        <p role="alert" className="form-error">
          {deleteError}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {manifest === null && error === null && (
        <p className="empty" role="status">
          Reading the manifest…
        </p>
      )}
      {manifest && <ManifestFacts manifest={manifest} />}
      {deletion === 'asking' && (
        <ConfirmDialog title={`Delete ${tagName}?`} confirmLabel="Delete tag" onCancel={() => setDeletion('idle')} onConfirm={() => void deleteTag()}>
          <p>
            The registry deletes the manifest this tag points at ({manifest?.digest ?? 'its digest'}): other tags of the same digest go with it. Images already pulled stay on the
            engines.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
