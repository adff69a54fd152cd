import type { EngineStatus } from '../../runtime/api/index.js';
import type { BerthLink } from '../stores/engineSlice.js';
import { useBerth } from '../stores/store.js';
import { NoticeList } from '../ui/NoticeList.js';
import { useCountdown } from '../ui/useCountdown.js';
import { useManagedEngine } from './useManagedEngine.js';

const stateText = { connected: 'Connected', connecting: 'Connecting…', unreachable: 'Unreachable' } as const;

/** The engine Berth talks to, how it got there, and the managed engine's switch. */
export function StatusBar() {
  const link = useBerth((s) => s.engine.link);
  const status = useBerth((s) => s.engine.status);
  return (
    <footer className="status-bar">
      <NoticeList area="engine" />
      <div role="status" aria-label="Engine status" className="status">
        {link.state !== 'connected' ? (
          <LinkState link={link} />
        ) : status === null ? (
          <span className="state state-connecting">{stateText.connecting}</span>
        ) : (
          <EngineSummary status={status} />
        )}
      </div>
    </footer>
  );
}

function LinkState({ link }: { link: BerthLink }) {
  const text = link.state === 'reconnecting' ? 'Reconnecting to Berth…' : 'Connecting to Berth…';
  return <span className="state state-connecting">{text}</span>;
}

function EngineSummary({ status }: { status: EngineStatus }) {
  const statusAt = useBerth((s) => s.engine.statusAt);
  const retryInSeconds = useCountdown(status.state === 'unreachable' ? status.retryInMs : null, statusAt);
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
