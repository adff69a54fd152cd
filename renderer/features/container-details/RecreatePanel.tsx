import { RecreateEditor } from './RecreateEditor.js';
import { useMethodResult } from './useMethodResult.js';
import { useRecreate } from './useRecreate.js';

interface RecreatePanelProps {
  engineId: string;
  containerId: string;
  name: string;
  onClose: () => void;
}

/** "Recreate with changes": reads the container back as a RunSpec, edits a few fields, replaces it. */
export function RecreatePanel({ engineId, containerId, name, onClose }: RecreatePanelProps) {
  const { data, error } = useMethodResult('containers.runCommand', { id: containerId }, { engineId });
  const recreate = useRecreate(engineId, containerId);
  return (
    <section className="recreate" aria-labelledby="recreate-title">
      <h2 id="recreate-title">Recreate with changes</h2>
      <p className="muted">
        A new container replaces {name} under the same name, made from these settings; everything not shown here stays as it is. If the engine refuses,
        {` ${name}`} is left as it was.
      </p>
      {error && (
        <p role="alert" className="error-text">
          Could not read the container&apos;s settings: {error.message}
        </p>
      )}
      {data === null ? (
        !error && <p className="muted">Reading the container&apos;s settings…</p>
      ) : (
        <RecreateEditor key={data.command} original={data.spec} name={name} recreate={recreate} onCancel={onClose} />
      )}
      {data === null && (
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      )}
    </section>
  );
}
