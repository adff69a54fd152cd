import { useBerth } from '../../stores/store.js';

export function ImageFilterBox() {
  const filterText = useBerth((s) => s.images.filterText);
  const setFilterText = useBerth((s) => s.images.setFilterText);
  return (
    <input
      type="search"
      className="filter"
      aria-label="Filter images"
      placeholder="Filter by name, tag or id"
      value={filterText}
      onChange={(event) => setFilterText(event.target.value)}
    />
  );
}
