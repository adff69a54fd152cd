import './registries.css';
import { useState } from 'react';
import type { RegistryEntry } from '../../../runtime/api/index.js';
import { useRegistryRoute } from '../../app/useDetailRoutes.js';
import { useBerth } from '../../stores/store.js';
import { AddRegistryForm } from './AddRegistryForm.js';
import { DockerHubSearch } from './DockerHubSearch.js';
import { RegistryBrowser } from './RegistryBrowser.js';
import { RegistryTable } from './RegistryTable.js';
import { SignInDialog } from './SignInDialog.js';
import { useRegistries } from './useRegistries.js';

/**
 * `#/registries`: the registries Berth knows (added here, or logins of the docker CLI), each with
 * Test, Sign in / Sign out, Browse and Remove, and a form to add one. `#/registries/<registry>...`
 * browses one.
 */
export function RegistriesPage() {
  const route = useRegistryRoute();
  const link = useBerth((s) => s.engine.link.state);
  const { entries, error, reload } = useRegistries();
  const [signingIn, setSigningIn] = useState<RegistryEntry | null>(null);

  if (route !== null) return <RegistryBrowser key={route.registry} route={route} entry={entries?.find((entry) => entry.registry === route.registry) ?? null} />;
  return (
    <section className="page registries-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Registries</h1>
        {entries !== null && <p className="count">{entries.length === 1 ? '1 registry' : `${entries.length} registries`}</p>}
      </header>
      {error !== null && (
        <p role="alert" className="form-error">
          Could not read the registries: {error}
        </p>
      )}
      {entries === null ? (
        error === null && <p className="empty">{link === 'connected' ? 'Loading registries…' : 'Connecting to Berth…'}</p>
      ) : entries.length === 0 ? (
        <p className="empty">No registry yet. Add one below; logins made with `docker login` show up here too.</p>
      ) : (
        <RegistryTable entries={entries} onChanged={reload} onSignIn={setSigningIn} />
      )}
      <AddRegistryForm onAdded={reload} />
      <DockerHubSearch />
      {signingIn && (
        <SignInDialog
          entry={signingIn}
          onClose={() => setSigningIn(null)}
          onSignedIn={() => {
            setSigningIn(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
