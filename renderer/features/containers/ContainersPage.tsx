import './containers.css';
import { useCallback, useState } from 'react';
import type { Notice } from '../../stores/uiSlice.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { ContainerFilterBox } from './ContainerFilterBox.js';
import { ContainerTable } from './ContainerTable.js';
import { useContainerActions, type ContainerActions, type ContainerRef } from './useContainerActions.js';
import { useContainersUnavailable } from './useContainersUnavailable.js';
import { useVisibleContainers, type VisibleContainers } from './useVisibleContainers.js';

export function ContainersPage() {
  const unavailable = useContainersUnavailable();
  const visible = useVisibleContainers();
  const actions = useContainerActions();
  const [removeTarget, setRemoveTarget] = useState<ContainerRef | null>(null);

  const renderNoticeAction = useCallback(
    (notice: Notice) => {
      const subject = notice.subject;
      if (notice.code !== 'conflict' || subject === undefined) return null;
      // Removing a running container without force is the usual conflict: offer the next step.
      return (
        <button type="button" className="button-danger" onClick={() => actions.remove(subject, { force: true })}>
          Force remove
        </button>
      );
    },
    [actions],
  );

  return (
    <section className="page containers-page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">Containers</h1>
        <ContainerFilterBox />
        {unavailable === null && <ContainerCount visible={visible} />}
      </header>
      <NoticeList area="containers" renderAction={renderNoticeAction} />
      {unavailable !== null ? (
        <p className="empty">{unavailable}</p>
      ) : (
        <ContainerList visible={visible} actions={actions} onRemove={setRemoveTarget} />
      )}
      {removeTarget && (
        <ConfirmDialog
          title={`Remove ${removeTarget.name}?`}
          confirmLabel="Remove"
          onCancel={() => setRemoveTarget(null)}
          onConfirm={() => {
            actions.remove(removeTarget, { force: false });
            setRemoveTarget(null);
          }}
        >
          <p>The container is deleted; its anonymous volumes are kept.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ContainerCount({ visible }: { visible: VisibleContainers }) {
  const noun = visible.total === 1 ? 'container' : 'containers';
  const text = visible.isFiltered ? `${visible.rows.length} of ${visible.total} ${noun}` : `${visible.total} ${noun}`;
  return (
    <p className="count" aria-live="polite">
      {text}
    </p>
  );
}

interface ContainerListProps {
  visible: VisibleContainers;
  actions: ContainerActions;
  onRemove: (container: ContainerRef) => void;
}

function ContainerList({ visible, actions, onRemove }: ContainerListProps) {
  if (visible.total === 0) return <p className="empty">No containers</p>;
  if (visible.rows.length === 0) return <p className="empty">No containers match</p>;
  return <ContainerTable rows={visible.rows} actions={actions} onRemove={onRemove} />;
}
