import { useState } from 'react';
import type { RegistryCheck, RegistryEntry } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { registryHref } from '../../app/routes.js';
import { toBerthError } from '../../transport/callError.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

interface RegistryTableProps {
  entries: RegistryEntry[];
  onChanged: () => void;
  onSignIn: (entry: RegistryEntry) => void;
}

/** What a row says after Test, or after an action failed. */
type RowNote = { tone: 'ok' | 'problem'; text: string };

type RowAction = 'test' | 'logout' | 'remove';

const storeNames: Record<NonNullable<RegistryEntry['credentialStore']>, string> = {
  helper: 'credential helper',
  keychain: 'OS keychain',
  session: 'this session only',
  'docker-config': "docker CLI's config file",
};

/** Who Berth signs in as, and where the secret is kept (never the secret). */
export function signedInText(entry: RegistryEntry): string {
  if (entry.signedInAs === null) return 'anonymous';
  const store = entry.credentialStore === null ? '' : ` (${entry.credentialStore === 'helper' && entry.helper ? `docker-credential-${entry.helper}` : storeNames[entry.credentialStore]})`;
  return `signed in as ${entry.signedInAs}${store}`;
}

export function checkNote(check: RegistryCheck): RowNote {
  return { tone: check.outcome === 'reachable' ? 'ok' : 'problem', text: check.message };
}

/** The registries, one row each: address, who Berth signs in as, and the actions. */
export function RegistryTable({ entries, onChanged, onSignIn }: RegistryTableProps) {
  const clientSource = useClientSource();
  const [notes, setNotes] = useState<Record<string, RowNote>>({});
  /** What each registry's row is doing now (its controls wait meanwhile). */
  const [busy, setBusy] = useState<Record<string, RowAction>>({});
  const [removing, setRemoving] = useState<RegistryEntry | null>(null);

  const act = async (registry: string, kind: RowAction, action: () => Promise<RowNote | null>) => {
    setBusy((old) => ({ ...old, [registry]: kind }));
    try {
      const note = await action();
      setNotes((old) => {
        const next = { ...old };
        if (note) next[registry] = note;
        else delete next[registry];
        return next;
      });
    } catch (thrown) {
      setNotes((old) => ({ ...old, [registry]: { tone: 'problem', text: toBerthError(thrown).message } }));
    } finally {
      setBusy((old) => {
        const next = { ...old };
        delete next[registry];
        return next;
      });
    }
  };
  const client = () => {
    const current = clientSource();
    if (current === null) throw new Error('Not connected to Berth.');
    return current;
  };

  return (
    <>
      <table className="registry-table" aria-label="Registries">
        <thead>
          <tr>
            <th scope="col">Registry</th>
            <th scope="col">Address</th>
            <th scope="col">Sign-in</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const note = notes[entry.registry];
            const rowBusy = busy[entry.registry];
            return (
              <tr key={entry.registry} aria-label={entry.registry}>
                <th scope="row">
                  <a href={registryHref(entry.registry)}>{entry.registry}</a>
                  {entry.source === 'docker-config' && <span className="registry-source"> from docker login</span>}
                </th>
                <td>
                  {entry.url}
                  {entry.warning && (
                    <p className="registry-warning" role="note">
                      {entry.warning}
                    </p>
                  )}
                </td>
                <td>
                  {signedInText(entry)}
                  {note && (
                    <p className={`registry-note registry-note-${note.tone}`} role="status">
                      {note.text}
                    </p>
                  )}
                </td>
                <td className="registry-actions">
                  <button
                    type="button"
                    aria-label={`Test connection to ${entry.registry}`}
                    disabled={rowBusy !== undefined}
                    onClick={() => void act(entry.registry, 'test', async () => checkNote(await client().call('registries.test', { registry: entry.registry })))}
                  >
                    {rowBusy === 'test' ? 'Testing…' : 'Test connection'}
                  </button>
                  {entry.signedInAs === null ? (
                    <button type="button" aria-label={`Sign in to ${entry.registry}`} disabled={rowBusy !== undefined} onClick={() => onSignIn(entry)}>
                      Sign in…
                    </button>
                  ) : (
                    <button
                      type="button"
                      aria-label={`Sign out of ${entry.registry}`}
                      disabled={rowBusy !== undefined}
                      onClick={() =>
                        void act(entry.registry, 'logout', async () => {
                          await client().call('registries.logout', { registry: entry.registry });
                          onChanged();
                          return null;
                        })
                      }
                    >
                      {rowBusy === 'logout' ? 'Signing out…' : 'Sign out'}
                    </button>
                  )}
                  <a className="button-link" href={registryHref(entry.registry)} aria-label={`Browse ${entry.registry}`}>
                    Browse
                  </a>
                  {entry.source === 'user' && (
                    <button type="button" className="button-danger" aria-label={`Remove ${entry.registry}`} disabled={rowBusy !== undefined} onClick={() => setRemoving(entry)}>
                      Remove…
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.registry}?`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const entry = removing;
            setRemoving(null);
            void act(entry.registry, 'remove', async () => {
              await client().call('registries.remove', { registry: entry.registry, logout: true });
              onChanged();
              return null;
            });
          }}
        >
          <p>Berth forgets this registry and erases the credentials it stored for it. Images pulled from it stay.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
