import './engines.css';
import type { EngineView } from '../stores/engineViews.js';

/** "unreachable: <reason>", "connecting", or null for a connected engine: what a greyed row says. */
export function notLiveText(engine: Pick<EngineView, 'state' | 'reason'>): string | null {
  if (engine.state === 'connected') return null;
  if (engine.state === 'unreachable') return `unreachable: ${engine.reason ?? 'no reason given'}`;
  return engine.state;
}

/**
 * Which engine a row is from: a colour swatch and the engine's name as text (the colour is never
 * the only signal). An engine that is not connected says so in words, and why in the title.
 */
export function EngineTag({ engine }: { engine: Pick<EngineView, 'name' | 'color' | 'state' | 'reason'> }) {
  const notLive = notLiveText(engine);
  return (
    <span className={`engine-tag${notLive === null ? '' : ' engine-tag-stale'}`} title={notLive === null ? engine.name : `${engine.name}: ${notLive}`}>
      <span className="engine-swatch" style={{ background: engine.color }} aria-hidden="true" />
      <span className="engine-tag-name">{engine.name}</span>
      {notLive !== null && (
        <>
          {' '}
          <span className="engine-tag-state">{engine.state}</span>
        </>
      )}
    </span>
  );
}
