import type { BerthClient, Disposable } from '../../runtime/api/index.js';
import { toBerthError } from '../transport/callError.js';
import type { SliceCreator } from './store.js';
import { applyTransferProgress, startTransfer, type TransferView } from './transferView.js';

/** A pull or push the user started: it runs while they are anywhere in the app. */
export interface TransferTask {
  id: number;
  kind: 'pull' | 'push';
  /** The engine it runs on. */
  engineId: string;
  reference: string;
  progress: TransferView;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Why it failed, in the backend's words (one line). */
  error: string | null;
}

/**
 * Running and finished pulls and pushes. The stream subscription lives here, not in a page,
 * so leaving the Images page does not stop a pull; cancelling unsubscribes, which aborts the
 * engine's request. Finished tasks stay until dismissed (the newest 20 are kept).
 */
export interface TasksSlice {
  tasks: {
    list: TransferTask[];
    /** Whether the status bar's task list is open. */
    isOpen: boolean;
    /** Starts a pull or push on `engineId` through `client`; answers the task's id. */
    start: (client: BerthClient, kind: TransferTask['kind'], engineId: string, reference: string) => number;
    cancel: (id: number) => void;
    dismiss: (id: number) => void;
    setOpen: (isOpen: boolean) => void;
  };
}

const maxTasks = 20;

export const createTasksSlice: SliceCreator<TasksSlice> = (set, get) => {
  let nextId = 1;
  const subscriptions = new Map<number, Disposable>();
  const update = (id: number, change: (task: TransferTask) => TransferTask) =>
    set((s) => ({ tasks: { ...s.tasks, list: s.tasks.list.map((task) => (task.id === id ? change(task) : task)) } }));
  const finish = (id: number, state: TransferTask['state'], error: string | null = null) => {
    subscriptions.get(id)?.dispose();
    subscriptions.delete(id);
    update(id, (task) => (task.state === 'running' ? { ...task, state, error } : task));
  };

  return {
    tasks: {
      list: [],
      isOpen: false,
      start: (client, kind, engineId, reference) => {
        const id = nextId++;
        const task: TransferTask = { id, kind, engineId, reference, progress: startTransfer(kind, reference), state: 'running', error: null };
        set((s) => {
          // Old finished tasks fall off first; running ones always stay.
          let list = [...s.tasks.list, task];
          while (list.length > maxTasks) {
            const oldest = list.findIndex((item) => item.state !== 'running');
            if (oldest < 0) break;
            list = list.filter((_, index) => index !== oldest);
          }
          return { tasks: { ...s.tasks, list, isOpen: true } };
        });
        const subscription = client.subscribe(
          kind === 'pull' ? 'images.pull' : 'images.push',
          { reference },
          {
            onEvent: (event) => update(id, (current) => ({ ...current, progress: applyTransferProgress(current.progress, event) })),
            onEnd: () => finish(id, 'done'),
            onError: (error) => finish(id, 'failed', toBerthError(error).message),
          },
          { engine: engineId },
        );
        subscriptions.set(id, subscription);
        return id;
      },
      cancel: (id) => finish(id, 'cancelled'),
      dismiss: (id) => {
        if (get().tasks.list.find((task) => task.id === id)?.state === 'running') return;
        set((s) => ({ tasks: { ...s.tasks, list: s.tasks.list.filter((task) => task.id !== id) } }));
      },
      setOpen: (isOpen) => set((s) => ({ tasks: { ...s.tasks, isOpen } })),
    },
  };
};
