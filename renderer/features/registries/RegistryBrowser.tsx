import { useCallback, useEffect, useState } from 'react';
import type { CatalogPage, RegistryEntry, RegistryPage } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { registryHref, type RegistryRoute } from '../../app/routes.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { ManifestPane } from './ManifestPane.js';
import { NameList } from './NameList.js';
import { signedInText } from './RegistryTable.js';
import { usePagedList, type PageReader } from './usePagedList.js';

/** How long typing must pause before the filter is sent: one request per pause, not per key. */
const filterPauseMs = 250;

/**
 * One registry: its repositories (filterable; read a page at a time), a repository's tags, and
 * a tag's manifest. A registry that does not offer its catalog says so, and a repository name
 * can be typed instead.
 */
export function RegistryBrowser({ route, entry }: { route: RegistryRoute; entry: RegistryEntry | null }) {
  const clientSource = useClientSource();
  const { registry, repository, reference } = route;
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState('');
  const [typedRepository, setTypedRepository] = useState('');
  /** Bumped after a tag is deleted: the tags are read again. */
  const [tagsVersion, setTagsVersion] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setFilter(typed.trim()), filterPauseMs);
    return () => clearTimeout(timer);
  }, [typed]);

  const readCatalog = useCallback<PageReader<CatalogPage>>(
    (last, signal) => {
      const client = clientSource();
      if (client === null) return Promise.reject(new Error('Not connected to Berth.'));
      return client.call('registries.catalog', { registry, ...(filter ? { filter } : {}), ...(last === undefined ? {} : { last }) }, { signal });
    },
    [clientSource, registry, filter],
  );
  const readTags = useCallback<PageReader<RegistryPage<string>>>(
    (last, signal) => {
      const client = clientSource();
      if (client === null || repository === null) return Promise.reject(new Error('Not connected to Berth.'));
      return client.call('registries.tags', { registry, repository, ...(last === undefined ? {} : { last }) }, { signal });
    },
    // tagsVersion: a new reader after a deletion, so the list starts over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [clientSource, registry, repository, tagsVersion],
  );
  const catalog = usePagedList(readCatalog);
  const tags = usePagedList(repository === null ? null : readTags);
  const unavailable = catalog.lastPage?.unavailable;

  return (
    <section className="page registry-browser" aria-labelledby="page-title">
      <header className="page-header">
        <p className="breadcrumbs">
          <a href="#/registries">Registries</a> /
        </p>
        <h1 id="page-title">{registry}</h1>
        {entry && <p className="count">{signedInText(entry)}</p>}
      </header>
      <div className="registry-panes">
        <div className="registry-pane" aria-label="Repositories" role="region">
          <h2>Repositories</h2>
          {unavailable ? (
            <form
              className="registry-type-repository"
              onSubmit={(event) => {
                event.preventDefault();
                if (typedRepository.trim()) window.location.hash = registryHref(registry, typedRepository.trim());
              }}
            >
              <p role="note">{unavailable}</p>
              <label>
                Repository name
                <input type="text" value={typedRepository} spellCheck={false} onChange={(event) => setTypedRepository(event.target.value)} />
              </label>
              <button type="submit">Open</button>
            </form>
          ) : (
            <>
              <FilterBox label="Filter repositories" placeholder="Filter repositories" value={typed} onChange={setTyped} />
              <NameList
                label="Repositories"
                noun="repositories"
                column="Repository"
                list={catalog}
                selected={repository}
                hrefOf={(name) => registryHref(registry, name)}
                emptyText={filter ? `No repository contains “${filter}”.` : 'This registry has no repositories.'}
                {...(filter && catalog.lastPage ? { moreText: `${catalog.items.length} found so far.` } : {})}
              />
            </>
          )}
        </div>
        {repository !== null && (
          <div className="registry-pane" aria-label={`Tags of ${repository}`} role="region">
            <h2>Tags of {repository}</h2>
            <NameList label={`Tags of ${repository}`} noun="tags" column="Tag" list={tags} selected={reference} hrefOf={(tag) => registryHref(registry, repository, tag)} emptyText="This repository has no tags." />
          </div>
        )}
        {repository !== null && reference !== null && <ManifestPane key={`${repository}@${reference}`} registry={registry} repository={repository} reference={reference} onDeleted={() => setTagsVersion((version) => version + 1)} />}
      </div>
    </section>
  );
}
