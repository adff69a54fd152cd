import { useBerth } from '../../stores/store.js';

export function ContainerFilterBox() {
  const filterText = useBerth((s) => s.containers.filterText);
  const setFilterText = useBerth((s) => s.containers.setFilterText);
  return (
    <input
      type="search"
      className="filter"
      aria-label="Filter containers"
      placeholder="Filter by name, image, state, status or id"
      value={filterText}
      onChange={(event) => setFilterText(event.target.value)}
    />
  );
}
