import type { ErrorCode } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

/** Where a notice is shown: each area renders its own next to the controls that caused it. */
export type NoticeArea = 'app' | 'engine' | 'engines' | 'containers' | 'images' | 'networks';

/** What a failed action was about, so the UI can offer a follow-up (e.g. "Force remove"). */
export interface NoticeSubject {
  kind: 'container' | 'image';
  /** The engine it is on: a follow-up goes to the same engine. */
  engineId: string;
  /** What to call with: a container id, or an image id or reference. */
  id: string;
  name: string;
}

export interface Notice {
  id: number;
  area: NoticeArea;
  /** The backend's error code, when the notice is an error from a call. */
  code?: ErrorCode;
  /** Shown as written: the backend's messages are already specific. */
  message: string;
  subject?: NoticeSubject;
  /** The action on the subject that failed, e.g. `remove`, so the right follow-up is offered. */
  failedAction?: string;
}

export interface UiSlice {
  ui: {
    notices: Notice[];
    /** Keys of work in flight, e.g. `container:<id>`, `image:<ref>` or `engine:managed`; their controls are disabled. */
    busy: Record<string, true>;
    pushNotice: (notice: Omit<Notice, 'id'>) => number;
    dismissNotice: (id: number) => void;
    /** Drops the notices about one subject (on one engine, when given), e.g. before retrying an action on it. */
    dismissNoticesAbout: (subjectId: string, engineId?: string) => void;
    setBusy: (key: string, isBusy: boolean) => void;
  };
}

/** Old notices fall off so a long session cannot grow the list without bound. */
const maxNotices = 5;

export const createUiSlice: SliceCreator<UiSlice> = (set) => {
  let nextNoticeId = 1;
  return {
    ui: {
      notices: [],
      busy: {},
      pushNotice: (notice) => {
        const id = nextNoticeId++;
        set((s) => ({ ui: { ...s.ui, notices: [...s.ui.notices, { ...notice, id }].slice(-maxNotices) } }));
        return id;
      },
      dismissNotice: (id) =>
        set((s) => ({ ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.id !== id) } })),
      dismissNoticesAbout: (subjectId, engineId) =>
        set((s) => ({
          ui: { ...s.ui, notices: s.ui.notices.filter((n) => n.subject?.id !== subjectId || (engineId !== undefined && n.subject.engineId !== engineId)) },
        })),
      setBusy: (key, isBusy) =>
        set((s) => {
          const busy = { ...s.ui.busy };
          if (isBusy) busy[key] = true;
          else delete busy[key];
          return { ui: { ...s.ui, busy } };
        }),
    },
  };
};
