import { memo } from 'react';
import type { EngineEventRecord } from '../../../runtime/api/index.js';
import type { EngineView } from '../../stores/engineViews.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { engineEventDetails, engineEventHref, engineEventObjectText } from './eventLinks.js';

interface EventRowProps {
  event: EngineEventRecord;
  /** Its engine, when the page shows several (an Engine column); null otherwise. */
  engine: EngineView | null;
  rowIndex: number;
  offsetPx: number;
  heightPx: number;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** One engine event: when, what kind of object, what happened, the object (linked to its page) and the telling attributes. All text. */
export const EventRow = memo(function EventRow({ event, engine, rowIndex, offsetPx, heightPx }: EventRowProps) {
  const href = engineEventHref(event);
  const objectText = engineEventObjectText(event);
  const details = engineEventDetails(event);
  const date = new Date(event.timeMs);
  const millis = String(event.timeMs % 1000).padStart(3, '0');
  return (
    <div role="row" aria-label={`${event.type} ${event.action} ${objectText}`} aria-rowindex={rowIndex} className="row" style={{ transform: `translateY(${offsetPx}px)`, height: heightPx }}>
      <div role="cell" className="cell event-time" title={date.toLocaleString()}>
        {`${timeFormat.format(date)}.${millis}`}
      </div>
      {engine !== null && (
        <div role="cell" className="cell">
          <EngineTag engine={engine} />
        </div>
      )}
      <div role="cell" className="cell">
        {event.type}
      </div>
      <div role="cell" className="cell" title={event.action}>
        {event.action}
      </div>
      <div role="cell" className="cell cell-name" title={`${objectText} (${event.actorId})`}>
        {href === null ? objectText : <a href={href}>{objectText}</a>}
      </div>
      <div role="cell" className="cell event-details" title={details}>
        {details}
      </div>
      <div role="cell" className="cell cell-actions" />
    </div>
  );
});
