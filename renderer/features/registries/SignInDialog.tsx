import { useEffect, useState } from 'react';
import type { RegistryEntry, SignInOptions } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';

/** Where the secret will be kept, as the form says it. */
export function storeSentence(options: SignInOptions): string | null {
  if (options.store === 'helper') return `Kept by the credential helper docker-credential-${options.helper ?? '?'}, as the docker CLI does.`;
  if (options.store === 'keychain') return "Kept encrypted with your system's keychain.";
  return null;
}

/**
 * "Sign in to REGISTRY": a user name and a password or token, sent once to the backend, which
 * checks them against the registry before keeping them. The password lives in this dialog's
 * state only until it is sent; afterwards the app knows only "signed in as USER". Where it is
 * kept is decided by the backend (helper, keychain); when neither exists the user chooses.
 */
export function SignInDialog({ entry, onClose, onSignedIn }: { entry: RegistryEntry; onClose: () => void; onSignedIn: () => void }) {
  const clientSource = useClientSource();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [store, setStore] = useState<'session' | 'docker-config'>('session');
  const [error, setError] = useState<{ field: 'username' | 'password' | null; text: string } | null>(null);
  const [isSending, setIsSending] = useState(false);

  useEffect(() => {
    const client = clientSource();
    if (client === null) return;
    client.call('registries.signInOptions', { registry: entry.registry }).then(setOptions, (thrown: unknown) => setError({ field: null, text: toBerthError(thrown).message }));
  }, [clientSource, entry.registry]);

  const signIn = async () => {
    if (username.trim() === '' || password === '') {
      setError(username.trim() === '' ? { field: 'username', text: 'User name: is required' } : { field: 'password', text: 'Password or token: is required' });
      return;
    }
    const client = clientSource();
    if (client === null) {
      setError({ field: null, text: 'Not connected to Berth.' });
      return;
    }
    setIsSending(true);
    // Sent once: the field is emptied as the password leaves, whatever the answer.
    const sent = client.call('registries.login', { registry: entry.registry, username: username.trim(), password, ...(options?.store === null ? { store } : {}) });
    setPassword('');
    try {
      await sent;
      onSignedIn();
    } catch (thrown) {
      const failure = toBerthError(thrown);
      setError({ field: failure.details?.field === 'username' || failure.details?.field === 'password' ? failure.details.field : null, text: failure.message });
      setIsSending(false);
    }
  };

  const sentence = options ? storeSentence(options) : null;
  return (
    <ConfirmDialog title={`Sign in to ${entry.registry}`} confirmLabel={isSending ? 'Signing in…' : 'Sign in'} tone="normal" confirmDisabled={isSending || options === null} onConfirm={() => void signIn()} onCancel={onClose}>
      <Field label="User name" error={error?.field === 'username' ? error.text : null}>
        {(control) => <input {...control} type="text" autoComplete="username" spellCheck={false} value={username} onChange={(event) => setUsername(event.target.value)} />}
      </Field>
      <Field label="Password or token" error={error?.field === 'password' ? error.text : null}>
        {(control) => <input {...control} type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      {sentence && <p className="field-hint">{sentence}</p>}
      {options?.store === null && (
        <fieldset className="sign-in-store">
          <legend>Keep the credentials</legend>
          {options.choices.includes('session') && (
            <label className="check">
              <input type="radio" name="store" checked={store === 'session'} onChange={() => setStore('session')} />
              For this session only (forgotten when Berth quits)
            </label>
          )}
          {options.choices.includes('docker-config') && (
            <label className="check">
              <input type="radio" name="store" checked={store === 'docker-config'} onChange={() => setStore('docker-config')} />
              In the docker CLI&apos;s file ({options.dockerConfigPath})
            </label>
          )}
          {store === 'docker-config' && (
            <p className="registry-warning" role="note">
              {options.dockerConfigWarning}
            </p>
          )}
        </fieldset>
      )}
      {error?.field === null && (
        <p role="alert" className="form-error">
          {error.text}
        </p>
      )}
    </ConfirmDialog>
  );
}
