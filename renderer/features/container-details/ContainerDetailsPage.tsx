import './details.css';
import { useState } from 'react';
import type { ContainerState } from '../../../runtime/api/index.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { Tabs } from '../../ui/Tabs.js';
import { ActionDialog, type ActionRequest } from '../containers/ActionDialog.js';
import { healthFromStatus } from '../containers/containerState.js';
import { useContainerActions } from '../containers/useContainerActions.js';
import { useForceRemoveAction } from '../containers/useForceRemoveAction.js';
import { CopyRunCommand } from './CopyRunCommand.js';
import { DetailsHeader } from './DetailsHeader.js';
import { DetailsTabPanel, detailsTabs, type DetailsTabId } from './DetailsTabPanel.js';
import { RecreatePanel } from './RecreatePanel.js';
import { stateSentence } from './OverviewTab.js';
import { useContainerDetails } from './useContainerDetails.js';

const containerStates: readonly string[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] satisfies ContainerState[];

/** `#/containers/<id>`: one container, live from the events stream, in tabs. */
export function ContainerDetailsPage({ containerId }: { containerId: string }) {
  const { details, summary, error, isGone, reload } = useContainerDetails(containerId);
  const actions = useContainerActions();
  const renderNoticeAction = useForceRemoveAction(actions);
  const [tab, setTab] = useState<DetailsTabId>('overview');
  const [isRecreating, setRecreating] = useState(false);
  const [request, setRequest] = useState<ActionRequest | null>(null);

  const name = details?.name ?? summary?.name ?? containerId.slice(0, 12);
  const status = details?.state.status;
  const state = summary?.state ?? (status !== undefined && containerStates.includes(status) ? (status as ContainerState) : null);
  const health = details?.state.health ?? (summary ? healthFromStatus(summary.status) : null);
  const stateText = details ? `${stateSentence(details)}${health ? ` · ${health}` : ''}` : (summary?.state ?? null);

  return (
    <section className="page details-page" aria-labelledby="page-title">
      <DetailsHeader
        containerId={containerId}
        name={name}
        state={isGone ? null : state}
        stateText={isGone ? null : stateText}
        actions={actions}
        onRequest={setRequest}
        onRecreate={details && !isRecreating ? () => setRecreating(true) : null}
      />
      <NoticeList area="containers" renderAction={renderNoticeAction} />
      {isGone ? (
        <p role="alert" className="empty">
          This container no longer exists. <a href="#/containers">Back to all containers</a>
        </p>
      ) : details === null ? (
        error ? (
          <p role="alert" className="error-text">
            Could not inspect the container: {error.message}
          </p>
        ) : (
          <p className="empty">Loading…</p>
        )
      ) : isRecreating ? (
        <RecreatePanel containerId={details.id} name={details.name} onClose={() => setRecreating(false)} />
      ) : (
        <>
          <CopyRunCommand containerId={details.id} />
          <Tabs label="Container details" tabs={detailsTabs} selected={tab} onSelect={setTab}>
            <DetailsTabPanel tab={tab} details={details} onChanged={reload} />
          </Tabs>
        </>
      )}
      {request && <ActionDialog request={request} actions={actions} onClose={() => setRequest(null)} />}
    </section>
  );
}
