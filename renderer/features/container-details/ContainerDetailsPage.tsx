import './details.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ContainerState } from '../../../runtime/api/index.js';
import { InspectedBody } from '../../ui/DetailSections.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { Tabs } from '../../ui/Tabs.js';
import { ActionDialog, type ActionRequest } from '../containers/ActionDialog.js';
import { healthFromStatus } from '../containers/containerState.js';
import { useContainerActions } from '../containers/useContainerActions.js';
import { useForceRemoveAction } from '../containers/useForceRemoveAction.js';
import { CopyRunCommand } from './CopyRunCommand.js';
import { DetailsHeader } from './DetailsHeader.js';
import { containerRouteFromHash } from '../../app/routes.js';
import { DetailsTabPanel, detailsTabs, type DetailsTabId } from './DetailsTabPanel.js';
import { RecreatePanel } from './RecreatePanel.js';
import { stateSentence } from './OverviewTab.js';
import { useContainerDetails } from './useContainerDetails.js';

// xterm.js is loaded with the first terminal opened, not with the app.
const TerminalPanel = lazy(() => import('../terminal/TerminalPanel.js'));

function tabFromHash(): DetailsTabId | null {
  return containerRouteFromHash(window.location.hash)?.tab ?? null;
}

/** The selected tab: the one the address names (`#/containers/<engine>/<id>/terminal`), else Overview. */
function useSelectedTab(): [DetailsTabId, (tab: DetailsTabId) => void] {
  const [tab, setTab] = useState<DetailsTabId>(() => tabFromHash() ?? 'overview');
  useEffect(() => {
    const follow = () => {
      const asked = tabFromHash();
      if (asked !== null) setTab(asked);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return [tab, setTab];
}

const containerStates: readonly string[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] satisfies ContainerState[];

/** `#/containers/<engineId>/<id>`: one container of one engine, live from that engine's events stream, in tabs. */
export function ContainerDetailsPage({ engineId, containerId }: { engineId: string; containerId: string }) {
  const { details, summary, error, isGone, reload } = useContainerDetails(engineId, containerId);
  const actions = useContainerActions();
  const renderNoticeAction = useForceRemoveAction(actions);
  const [tab, setTab] = useSelectedTab();
  // Mounted from the first visit of the tab until the page is left, so a shell outlives a look elsewhere.
  const [isTerminalMounted, setTerminalMounted] = useState(tab === 'terminal');
  if (tab === 'terminal' && !isTerminalMounted) setTerminalMounted(true);
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
        engineId={engineId}
        containerId={containerId}
        name={name}
        state={isGone ? null : state}
        stateText={isGone ? null : stateText}
        actions={actions}
        onRequest={setRequest}
        onRecreate={details && !isRecreating ? () => setRecreating(true) : null}
      />
      <NoticeList area="containers" renderAction={renderNoticeAction} />
      <InspectedBody noun="container" listHref="#/containers" isGone={isGone} item={details} error={error}>
        {(details) =>
          isRecreating ? (
            <RecreatePanel engineId={engineId} containerId={details.id} name={details.name} onClose={() => setRecreating(false)} />
          ) : (
            <>
              <CopyRunCommand engineId={engineId} containerId={details.id} />
              <Tabs label="Container details" tabs={detailsTabs} selected={tab} onSelect={setTab}>
                <DetailsTabPanel engineId={engineId} tab={tab} details={details} onChanged={reload} />
                {isTerminalMounted && (
                  <div hidden={tab !== 'terminal'}>
                    <Suspense fallback={<p className="empty">Loading the terminal…</p>}>
                      <TerminalPanel
                        engineId={engineId}
                        containerId={details.id}
                        name={name}
                        isRunning={state === 'running' || state === 'paused'}
                        isInteractive={details.terminal.tty && details.terminal.stdin}
                      />
                    </Suspense>
                  </div>
                )}
              </Tabs>
            </>
          )
        }
      </InspectedBody>
      {request && <ActionDialog request={request} actions={actions} onClose={() => setRequest(null)} />}
    </section>
  );
}
