import { useState, type FormEvent } from 'react';
import type { RegistrySearchResult } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useDefaultEngineId } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';
import { runHref } from '../run/runRoute.js';

/**
 * "Search Docker Hub": the default engine asks Docker Hub (`registries.search`, the engine's
 * `/images/search`). An engine that cannot reach it says so in one line; an empty answer is
 * "nothing found", never the silent stand-in for a failure. Results are text from the internet:
 * shown as text, never HTML.
 */
export function DockerHubSearch() {
  const clientSource = useClientSource();
  const engineId = useDefaultEngineId();
  const startTask = useBerth((s) => s.tasks.start);
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<RegistrySearchResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSearching, setIsSearching] = useState(false);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const client = clientSource();
    if (term.trim() === '' || client === null || engineId === null || isSearching) return;
    setIsSearching(true);
    try {
      setResults(await client.call('registries.search', { term: term.trim(), limit: 25 }, { engine: engineId }));
      setError(null);
    } catch (thrown) {
      setResults(null);
      setError(toBerthError(thrown).message);
    } finally {
      setIsSearching(false);
    }
  };

  return (
    <section className="hub-search" aria-labelledby="hub-search-title">
      <h2 id="hub-search-title">Search Docker Hub</h2>
      <form role="search" aria-label="Search Docker Hub" onSubmit={(event) => void search(event)}>
        <input type="search" aria-label="Search term" value={term} placeholder="e.g. nginx" spellCheck={false} onChange={(event) => setTerm(event.target.value)} />
        <button type="submit" disabled={isSearching || term.trim() === '' || engineId === null}>
          {isSearching ? 'Searching…' : 'Search'}
        </button>
      </form>
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {results !== null && results.length === 0 && <p className="empty">Nothing found for “{term.trim()}”.</p>}
      {results !== null && results.length > 0 && (
        <table className="registry-detail-table" aria-label="Search results">
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">Description</th>
              <th scope="col">Stars</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.name}>
                <th scope="row">
                  {result.name}
                  {result.official && <span className="registry-source"> official</span>}
                </th>
                <td>{result.description}</td>
                <td>{result.stars}</td>
                <td className="registry-actions">
                  <button
                    type="button"
                    aria-label={`Pull ${result.name}`}
                    onClick={() => {
                      const client = clientSource();
                      if (client !== null && engineId !== null) startTask(client, 'pull', engineId, result.name);
                    }}
                  >
                    Pull
                  </button>
                  <a className="button-link" href={runHref(result.name)} aria-label={`Run ${result.name}`}>
                    Run
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
