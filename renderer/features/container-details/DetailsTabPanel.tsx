import type { ContainerDetails } from '../../../runtime/api/index.js';
import type { ContainerTab } from '../../app/routes.js';
import { lazyNamed, Loading } from '../../ui/lazyNamed.js';
import type { TabSpec } from '../../ui/Tabs.js';
import { LogsTab } from '../logs/LogsTab.js';
import { FilesystemTab } from './FilesystemTab.js';
import { InspectTab } from './InspectTab.js';
import { OverviewTab } from './OverviewTab.js';
import { ProcessesTab } from './ProcessesTab.js';
import { ResourcesTab } from './ResourcesTab.js';

// The charts (uPlot) load only when the Stats tab is first opened.
const StatsTab = lazyNamed(() => import('../stats/StatsTab.js'), 'StatsTab');

export type DetailsTabId = ContainerTab;

export const detailsTabs: readonly TabSpec<DetailsTabId>[] = [
  { id: 'overview', title: 'Overview' },
  { id: 'logs', title: 'Logs' },
  { id: 'inspect', title: 'Inspect' },
  { id: 'processes', title: 'Processes' },
  { id: 'filesystem', title: 'Filesystem changes' },
  { id: 'resources', title: 'Resources' },
  { id: 'stats', title: 'Stats' },
  { id: 'terminal', title: 'Terminal' },
];

interface DetailsTabPanelProps {
  /** The engine the container is on: every tab asks it. */
  engineId: string;
  tab: DetailsTabId;
  details: ContainerDetails;
  /** Something on the page changed the container (limits): read it again. */
  onChanged: () => void;
}

/**
 * The selected tab's content. Only it is mounted, so leaving a tab stops its polling or stream.
 * The terminal is the exception (ContainerDetailsPage keeps it): a shell must survive a look at
 * another tab.
 */
export function DetailsTabPanel({ engineId, tab, details, onChanged }: DetailsTabPanelProps) {
  switch (tab) {
    case 'terminal':
      return null;
    case 'overview':
      return <OverviewTab details={details} />;
    case 'logs':
      return <LogsTab engineId={engineId} containerId={details.id} name={details.name} />;
    case 'inspect':
      return <InspectTab raw={details.raw} />;
    case 'processes':
      return <ProcessesTab engineId={engineId} containerId={details.id} isRunning={details.state.running} />;
    case 'filesystem':
      return <FilesystemTab engineId={engineId} containerId={details.id} />;
    case 'resources':
      return <ResourcesTab engineId={engineId} details={details} isRunning={details.state.running} onChanged={onChanged} />;
    case 'stats':
      return (
        <Loading what="the charts">
          <StatsTab engineId={engineId} containerId={details.id} isRunning={details.state.running} />
        </Loading>
      );
  }
}
