import type { RegistryPage } from '../../../runtime/api/index.js';
import { VirtualTable } from '../../ui/VirtualTable.js';
import type { PagedList } from './usePagedList.js';

interface NameListProps<P extends RegistryPage<string>> {
  label: string;
  /** What the rows are, in the plural ("repositories", "tags"): names the loading line and Load more. */
  noun: string;
  column: string;
  list: PagedList<P>;
  /** The name's link target. */
  hrefOf: (name: string) => string;
  /** The name selected (shown as current). */
  selected: string | null;
  /** What to say when a page came back empty and no more follow. */
  emptyText: string;
  /** What to say while more pages remain (e.g. how many names were looked at). */
  moreText?: string;
}

/**
 * Repositories or tags, one page at a time: only the rows on screen are rendered, and the next
 * page is read when "Load more" is pressed, never all at once. Names from the registry are text.
 */
export function NameList<P extends RegistryPage<string>>({ label, noun, column, list, hrefOf, selected, emptyText, moreText }: NameListProps<P>) {
  return (
    <div className="registry-names">
      {list.items.length > 0 && (
        <VirtualTable
          label={label}
          className="registry-name-table"
          rowCount={list.items.length}
          rowKey={(index) => list.items[index] ?? index}
          columns={[column]}
          renderRow={(index, placement) => {
            const name = list.items[index];
            if (name === undefined) return null;
            return (
              <div key={name} role="row" aria-rowindex={placement.rowIndex} aria-current={name === selected ? 'true' : undefined} className={`row${name === selected ? ' row-selected' : ''}`} style={{ transform: `translateY(${placement.offsetPx}px)`, height: placement.heightPx }}>
                <div role="cell" className="cell cell-name" title={name}>
                  <a href={hrefOf(name)}>{name}</a>
                </div>
                <div role="cell" className="cell" />
              </div>
            );
          }}
        />
      )}
      {list.isLoading && (
        <p className="empty" role="status">
          Loading {noun}…
        </p>
      )}
      {!list.isLoading && list.error === null && list.lastPage !== null && list.items.length === 0 && !list.hasMore && <p className="empty">{emptyText}</p>}
      {list.error !== null && (
        <p role="alert" className="form-error">
          {list.error}{' '}
          <button type="button" onClick={list.loadMore}>
            Try again
          </button>
        </p>
      )}
      {list.hasMore && !list.isLoading && (
        <p className="registry-more">
          {moreText && <span>{moreText} </span>}
          <button type="button" aria-label={`Load more ${noun}`} onClick={list.loadMore}>
            Load more
          </button>
        </p>
      )}
    </div>
  );
}
