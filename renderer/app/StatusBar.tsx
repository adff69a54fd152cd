import { useMemo } from 'react';
import type { BerthLink, LiveStatus } from '../stores/engineSlice.js';
import { defaultLiveStatus } from '../stores/engineViews.js';
import { useBerth } from '../stores/store.js';
import { TaskArea } from '../features/tasks/TaskArea.js';
import { NoticeList } from '../ui/NoticeList.js';
import { useCountdown } from '../ui/useCountdown.js';
import { hrefOf } from './routes.js';
import { useEngineViews } from './useEngineViews.js';
import { useManagedEngine } from './useManagedEngine.js';

const stateText = { connected: 'Connected', connecting: 'Connecting…', unreachable: 'Unreachable' } as const;

/**
 * The default engine (where requests naming no engine go), how it got there, and the managed
 * engine's switch; with several engines known, how many, linking to the Engines page.
 */
export function StatusBar() {
  const link = useBerth((s) => s.engine.link);
  const entries = useBerth((s) => s.engines.entries);
  const statuses = useBerth((s) => s.engine.statuses);
  const live = useMemo(() => defaultLiveStatus(entries, statuses), [entries, statuses]);
  return (
    <footer className="status-bar">
      <NoticeList area="engine" />
      <div role="status" aria-label="Engine status" className="status">
        {link.state !== 'connected' ? (
          <LinkState link={link} />
        ) : live === null ? (
          <span className="state state-connecting">{stateText.connecting}</span>
        ) : (
          <EngineSummary live={live} />
        )}
        <EngineCount />
      </div>
      <TaskArea />
    </footer>
  );
}

function LinkState({ link }: { link: BerthLink }) {
  const text = link.state === 'reconnecting' ? 'Reconnecting to Berth…' : 'Connecting to Berth…';
  return <span className="state state-connecting">{text}</span>;
}

/** "3 engines", linking to the Engines page, once more than one is known. */
function EngineCount() {
  const count = useEngineViews().length;
  if (count < 2) return null;
  return (
    <a className="engine-count" href={hrefOf('engines')}>
      {count} engines
    </a>
  );
}

function EngineSummary({ live }: { live: LiveStatus }) {
  const { status, at } = live;
  const retryInSeconds = useCountdown(status.state === 'unreachable' ? status.retryInMs : null, at);
  const { identity, endpoint, reason } = status;
  return (
    <>
      <span className={`state state-${status.state}`}>{stateText[status.state]}</span>
      {identity && (
        <span className="identity">
          {identity.name} {identity.version} · API {identity.apiVersion}
        </span>
      )}
      {status.state === 'unreachable' && reason && <span className="reason">{reason.message}</span>}
      {retryInSeconds !== null && <span className="retry">retrying in {retryInSeconds}s</span>}
      {endpoint && (
        <span className="endpoint" title={endpoint.why}>
          <span className="endpoint-url">{endpoint.url}</span> <span className="endpoint-why">({endpoint.why})</span>
        </span>
      )}
      {status.managed.available && <ManagedEngine running={status.managed.running} />}
    </>
  );
}

function ManagedEngine({ running }: { running: boolean }) {
  const { isBusy, setRunning } = useManagedEngine();
  return (
    <span className="managed">
      <span className="managed-indicator">Managed engine {running ? 'running' : 'stopped'}</span>
      <button type="button" disabled={isBusy} onClick={() => setRunning(!running)}>
        {running ? 'Stop managed engine' : 'Start managed engine'}
      </button>
    </span>
  );
}
