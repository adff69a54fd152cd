import { useMemo, type ReactNode } from 'react';
import { useBerth } from '../stores/store.js';
import type { Notice, NoticeArea } from '../stores/uiSlice.js';

interface NoticeListProps {
  area: NoticeArea;
  /** A follow-up control for a notice, e.g. "Force remove" after a conflict. */
  renderAction?: (notice: Notice) => ReactNode;
}

/** The errors of one area, each announced (role="alert") and dismissable. */
export function NoticeList({ area, renderAction }: NoticeListProps) {
  const notices = useBerth((s) => s.ui.notices);
  const dismiss = useBerth((s) => s.ui.dismissNotice);
  const mine = useMemo(() => notices.filter((notice) => notice.area === area), [notices, area]);
  if (mine.length === 0) return null;
  return (
    <ul className="notices">
      {mine.map((notice) => (
        <li key={notice.id} role="alert" className="notice">
          <span className="notice-message">{notice.message}</span>
          {renderAction?.(notice)}
          <button type="button" className="button-quiet" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
