import './tasks.css';
import { useId, useState } from 'react';
import { useEngineTags } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import type { TransferTask } from '../../stores/tasksSlice.js';
import { EngineTag } from '../../ui/EngineTag.js';
import { runHref } from '../run/runRoute.js';
import { OverallLine, TransferProgressView } from '../transfers/TransferProgressView.js';

const verb = { pull: 'Pull', push: 'Push' } as const;
const stateText = { running: '', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' } as const;

/**
 * The status bar's task area: every pull and push, running or finished, wherever the user is
 * in the app. Its button says how many run (and how far the first one is); it opens the list,
 * where each task shows its progress, opens to its layers, and can be cancelled; a finished
 * pull offers Run.
 */
export function TaskArea() {
  const tasks = useBerth((s) => s.tasks.list);
  const isOpen = useBerth((s) => s.tasks.isOpen);
  const setOpen = useBerth((s) => s.tasks.setOpen);
  const panelId = useId();
  if (tasks.length === 0) return null;
  const running = tasks.filter((task) => task.state === 'running');
  const failed = tasks.filter((task) => task.state === 'failed').length;
  const summary =
    running.length > 0
      ? `${running.length} ${running.length === 1 ? 'task' : 'tasks'} running${running.length === 1 ? ` · ${running[0]!.progress.overall?.percent ?? 0} %` : ''}`
      : failed > 0
        ? `Tasks: ${failed} failed`
        : 'Tasks: all done';
  return (
    <div className="task-area">
      <button type="button" className="task-toggle" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen(!isOpen)}>
        {summary}
      </button>
      {isOpen && (
        <section id={panelId} className="task-panel" aria-label="Tasks">
          <header className="task-panel-header">
            <h2>Pulls and pushes</h2>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </header>
          <ul className="task-list">
            {[...tasks].reverse().map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function TaskItem({ task }: { task: TransferTask }) {
  const cancel = useBerth((s) => s.tasks.cancel);
  const dismiss = useBerth((s) => s.tasks.dismiss);
  const engines = useEngineTags();
  const engine = engines.isShown ? engines.byId.get(task.engineId) : undefined;
  const [showLayers, setShowLayers] = useState(false);
  const title = `${verb[task.kind]} ${task.reference}`;
  const layersId = useId();
  return (
    <li className={`task task-${task.state}`} aria-label={title}>
      <div className="task-title">
        <span className="task-name">{title}</span>
        {engine !== undefined && <EngineTag engine={engine} />}
        {task.state !== 'running' && <span className="task-state">{stateText[task.state]}</span>}
      </div>
      <OverallLine transfer={task.progress} />
      {task.progress.overall?.message && task.state !== 'failed' && <p className="task-message">{task.progress.overall.message}</p>}
      {task.error !== null && (
        <p className="task-error" role="alert">
          {task.error}
        </p>
      )}
      <div className="task-actions">
        <button type="button" aria-expanded={showLayers} aria-controls={layersId} onClick={() => setShowLayers(!showLayers)}>
          {showLayers ? 'Hide layers' : 'Show layers'}
        </button>
        {task.state === 'running' ? (
          <button type="button" aria-label={`Cancel ${title}`} onClick={() => cancel(task.id)}>
            Cancel
          </button>
        ) : (
          <>
            {task.state === 'done' && task.kind === 'pull' && (
              <a className="button-link" href={runHref(task.reference, task.engineId)} aria-label={`Run ${task.reference}`}>
                Run
              </a>
            )}
            <button type="button" aria-label={`Dismiss ${title}`} onClick={() => dismiss(task.id)}>
              Dismiss
            </button>
          </>
        )}
      </div>
      {showLayers && (
        <div id={layersId}>
          {task.progress.layers.length > 0 ? (
            <TransferProgressView transfer={task.progress} showOverall={false} />
          ) : (
            <p className="task-message">{task.state === 'running' ? 'No layers yet.' : 'No layer was transferred: the engine had every one.'}</p>
          )}
        </div>
      )}
    </li>
  );
}
