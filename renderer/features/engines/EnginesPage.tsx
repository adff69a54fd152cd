import '../../ui/engines.css';
import './engines.css';
import { useState } from 'react';
import { useBerth } from '../../stores/store.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { AddEngineForm } from './AddEngineForm.js';
import { EngineDialog } from './EngineDialog.js';
import type { EngineRequest } from './EngineRow.js';
import { EngineTable } from './EngineTable.js';
import { useEngineActions } from './useEngineActions.js';

/** `#/engines`: every engine Berth knows, live from `engines.watch`, and a form to add one. */
export function EnginesPage() {
  const entries = useBerth((s) => s.engines.entries);
  const link = useBerth((s) => s.engine.link.state);
  const actions = useEngineActions();
  const [request, setRequest] = useState<EngineRequest | null>(null);
  return (
    <section className="page engines-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Engines</h1>
        {entries !== null && <p className="count">{entries.length === 1 ? '1 engine' : `${entries.length} engines`}</p>}
      </header>
      <NoticeList area="engines" />
      {entries === null ? (
        <p className="empty">{link === 'connected' ? 'Loading engines…' : 'Connecting to Berth…'}</p>
      ) : entries.length === 0 ? (
        <p className="empty">No engine found. Add one below.</p>
      ) : (
        <EngineTable entries={entries} actions={actions} onRequest={setRequest} />
      )}
      <AddEngineForm />
      {request && <EngineDialog request={request} actions={actions} onClose={() => setRequest(null)} />}
    </section>
  );
}
