import type { VolumeSummary } from '../../../runtime/api/index.js';
import type { EngineVolumes } from '../../stores/volumesSlice.js';

/** Seconds since the epoch of a volume's creation, or null when the engine gave none. Pure. */
export function createdSeconds(volume: Pick<VolumeSummary, 'created'>): number | null {
  if (volume.created === null) return null;
  const ms = Date.parse(volume.created);
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** Whether a volume matches what was typed: its name, driver, a label key or value, or a user's name. Pure. */
export function matchesFilter(volume: VolumeSummary, text: string): boolean {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return true;
  const haystack = [volume.name, volume.driver, ...Object.entries(volume.labels).flat(), ...volume.containers.map((user) => user.name)];
  return haystack.some((part) => part.toLowerCase().includes(wanted));
}

/** The volumes shown: of every engine (or the one filtered to), matching the text, by name then engine. Pure. */
export function visibleVolumes(byEngine: Readonly<Record<string, EngineVolumes>>, engineFilter: string | null, filterText: string): { rows: VolumeSummary[]; total: number } {
  const shown = Object.entries(byEngine).filter(([engineId]) => engineFilter === null || engineId === engineFilter);
  const all = shown.flatMap(([, engine]) => Object.values(engine.byName));
  const rows = all.filter((volume) => matchesFilter(volume, filterText)).sort((a, b) => (a.name === b.name ? a.engineId.localeCompare(b.engineId) : a.name < b.name ? -1 : 1));
  return { rows, total: all.length };
}

/** `web (running)`, `web (running), job (exited) and 3 more`: who uses a volume, in a few words. Pure. */
export function usersText(volume: Pick<VolumeSummary, 'containers'>, most = 2): string {
  const named = volume.containers.slice(0, most).map((user) => `${user.name} (${user.state})`);
  const more = volume.containers.length - most;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
