import { useState, type FormEvent } from 'react';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { Field } from '../../ui/Field.js';

/**
 * "Add registry": its URL (https, or http for loopback and registries marked insecure). The
 * backend checks the address; its refusal is shown next to the field it names, and the form
 * keeps what was typed until the registry was added.
 */
export function AddRegistryForm({ onAdded }: { onAdded: () => void }) {
  const clientSource = useClientSource();
  const [url, setUrl] = useState('');
  const [insecure, setInsecure] = useState(false);
  const [error, setError] = useState<{ field: 'url' | 'insecure' | null; text: string } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isAdding) return;
    if (url.trim() === '') {
      setError({ field: 'url', text: 'URL: is required' });
      return;
    }
    const client = clientSource();
    if (client === null) {
      setError({ field: null, text: 'Not connected to Berth.' });
      return;
    }
    setIsAdding(true);
    setAdded(null);
    try {
      const entry = await client.call('registries.add', { url: url.trim(), insecure });
      setError(null);
      setUrl('');
      setInsecure(false);
      setAdded(`Added ${entry.registry}.`);
      onAdded();
    } catch (thrown) {
      const failure = toBerthError(thrown);
      const field = failure.details?.field === 'url' || failure.details?.field === 'insecure' ? failure.details.field : null;
      setError({ field, text: failure.message });
    } finally {
      setIsAdding(false);
    }
  };

  return (
    <form className="add-registry" aria-label="Add registry" noValidate onSubmit={(event) => void submit(event)}>
      <h2>Add registry</h2>
      <Field label="URL" error={error?.field === 'url' ? error.text : null} hint="https://host[:port]; http:// only for 127.0.0.1, ::1, localhost, or with “insecure” below">
        {(control) => <input {...control} type="text" value={url} placeholder="https://registry.example.com" spellCheck={false} autoComplete="off" onChange={(event) => setUrl(event.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={insecure} onChange={(event) => setInsecure(event.target.checked)} />
        Insecure: allow plain HTTP and unverified TLS to this host
      </label>
      {insecure && (
        <p className="registry-warning" role="note">
          Anyone on the network path can read and change what is sent, including your password.
        </p>
      )}
      {error?.field === 'insecure' && (
        <p role="alert" className="field-error">
          {error.text}
        </p>
      )}
      {error?.field === null && (
        <p role="alert" className="form-error">
          Could not add the registry: {error.text}
        </p>
      )}
      <div className="add-registry-actions">
        <button type="submit" disabled={isAdding}>
          {isAdding ? 'Adding…' : 'Add registry'}
        </button>
        {added && <span role="status">{added}</span>}
      </div>
    </form>
  );
}
