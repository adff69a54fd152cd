import '../../ui/table.css';
import './events.css';
import { useEffect, useMemo, useState } from 'react';
import { effectiveEngineFilter, useEngineTags } from '../../app/useEngineViews.js';
import { EngineFilter } from '../../ui/EngineFilter.js';
import { FilterBox } from '../../ui/FilterBox.js';
import { NotificationPermission } from '../notifications/NotificationPermission.js';
import { emptyEventFilterForm, eventTypes, filterOfForm, type EventFilterForm } from './eventFilterForm.js';
import { EventTable } from './EventTable.js';
import { useEngineEvents } from './useEngineEvents.js';

/** How long typing may pause before the watch is opened again with the new filter. */
const typingPauseMs = 250;

/**
 * `#/events`: the engines' own events (`docker events`), newest first, live: the last 1,000 per
 * engine that Berth kept, then each new one as it happens. Filters by type, action, name and
 * engine go to the backend, which starts again with the kept events that match. Each row links
 * to its object's page.
 */
export function EventsPage() {
  const engines = useEngineTags();
  const [chosenEngine, setChosenEngine] = useState<string | null>(null);
  const engineFilter = effectiveEngineFilter(chosenEngine, engines);
  const [form, setForm] = useState<EventFilterForm>(emptyEventFilterForm);
  const [applied, setApplied] = useState<EventFilterForm>(emptyEventFilterForm);
  useEffect(() => {
    const timer = setTimeout(() => setApplied(form), form.type === applied.type ? typingPauseMs : 0);
    return () => clearTimeout(timer);
  }, [form, applied.type]);
  const filter = useMemo(() => filterOfForm(applied), [applied]);
  const engineIds = useMemo(
    () => engines.views.filter((view) => view.state !== 'disconnected' && (engineFilter === null || view.engineId === engineFilter)).map((view) => view.engineId),
    [engines.views, engineFilter],
  );
  const rows = useEngineEvents(filter, engineIds);
  const isFiltered = Object.keys(filter).length > 0;
  const noun = rows.length === 1 ? 'event' : 'events';

  return (
    <section className="page events-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Events</h1>
        <label>
          Type{' '}
          <select value={form.type} onChange={(event) => setForm({ ...form, type: event.target.value })}>
            <option value="">All types</option>
            {eventTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="filter filter-action"
          aria-label="Filter by action"
          placeholder="Action, e.g. die, oom"
          value={form.actions}
          onChange={(event) => setForm({ ...form, actions: event.target.value })}
        />
        <FilterBox label="Filter by name" placeholder="Name or id" value={form.name} onChange={(name) => setForm({ ...form, name })} />
        {engines.isShown && <EngineFilter engines={engines.views} value={engineFilter} onChange={setChosenEngine} />}
        <p className="count" aria-live="polite">
          {`${rows.length} ${isFiltered ? `matching ${noun}` : noun}`}
        </p>
        <span className="page-header-end">
          <NotificationPermission />
        </span>
      </header>
      <p className="events-hint">Newest first. Berth keeps the last 1,000 events of each engine since it connected to it.</p>
      {rows.length === 0 ? <p className="empty">{isFiltered ? 'No events match' : 'No events yet'}</p> : <EventTable rows={rows} engines={engines} />}
    </section>
  );
}
