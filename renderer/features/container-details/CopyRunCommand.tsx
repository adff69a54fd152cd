import { useId, useState } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { useCopy } from './useCopy.js';

/**
 * "Copy as docker run": asks the backend for the command line, copies it, and shows it in a
 * read-only box too, because a browser may refuse the clipboard.
 */
export function CopyRunCommand({ engineId, containerId }: { engineId: string; containerId: string }) {
  const clientSource = useClientSource();
  const { copy, copyState } = useCopy();
  const [command, setCommand] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const boxId = useId();

  const fetchAndCopy = () => {
    const client = clientSource();
    setError(null);
    if (client === null) {
      setError('Could not get the docker run command: not connected to Berth.');
      return;
    }
    client.call('containers.runCommand', { id: containerId }, { engine: engineId }).then(
      (result) => {
        setCommand(result.command);
        copy(result.command);
      },
      (thrown: unknown) => setError(`Could not get the docker run command: ${toBerthError(thrown).message}`),
    );
  };

  return (
    <div className="copy-run">
      <button type="button" onClick={fetchAndCopy}>
        Copy as docker run
      </button>
      <span role="status" className="muted">
        {copyState}
      </span>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {command !== null && (
        <div className="field">
          <label htmlFor={boxId}>docker run command</label>
          <textarea id={boxId} readOnly rows={3} value={command} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
