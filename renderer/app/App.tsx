import type { ElementType } from 'react';
import { ContainersPage } from '../features/containers/ContainersPage.js';
import { useVolumesFeed } from '../features/volumes/useVolumesFeed.js';
import { itemKey } from '../stores/itemKey.js';
import { lazyNamed, Loading } from '../ui/lazyNamed.js';
import { NoticeList } from '../ui/NoticeList.js';
import type { PageId } from './routes.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { useContainerRoute } from './useContainerRoute.js';
import { useHashRoute } from './useHashRoute.js';
import { useImageRoute, useNetworkRoute, useVolumeRoute } from './useDetailRoutes.js';

// Every page but the first one shown (Containers) loads when first opened, each in a chunk of its own.
const ContainerDetailsPage = lazyNamed(() => import('../features/container-details/ContainerDetailsPage.js'), 'ContainerDetailsPage');
const DashboardPage = lazyNamed(() => import('../features/dashboard/DashboardPage.js'), 'DashboardPage');
const EnginesPage = lazyNamed(() => import('../features/engines/EnginesPage.js'), 'EnginesPage');
const EventsPage = lazyNamed(() => import('../features/engine-events/EventsPage.js'), 'EventsPage');
const ImageDetailsPage = lazyNamed(() => import('../features/image-details/ImageDetailsPage.js'), 'ImageDetailsPage');
const ImagesPage = lazyNamed(() => import('../features/images/ImagesPage.js'), 'ImagesPage');
const LogsPage = lazyNamed(() => import('../features/logs/LogsPage.js'), 'LogsPage');
const RegistriesPage = lazyNamed(() => import('../features/registries/RegistriesPage.js'), 'RegistriesPage');
const NetworkDetailsPage = lazyNamed(() => import('../features/networks/NetworkDetailsPage.js'), 'NetworkDetailsPage');
const NetworksPage = lazyNamed(() => import('../features/networks/NetworksPage.js'), 'NetworksPage');
const RunPage = lazyNamed(() => import('../features/run/RunPage.js'), 'RunPage');
const SettingsPage = lazyNamed(() => import('../features/settings/SettingsPage.js'), 'SettingsPage');
const VolumePage = lazyNamed(() => import('../features/volumes/VolumePage.js'), 'VolumePage');
const VolumesPage = lazyNamed(() => import('../features/volumes/VolumesPage.js'), 'VolumesPage');

/** The page each address shows (the type says every page has one). */
const pageComponents: Record<PageId, ElementType> = {
  dashboard: DashboardPage,
  containers: ContainersPage,
  images: ImagesPage,
  logs: LogsPage,
  volumes: VolumesPage,
  networks: NetworksPage,
  registries: RegistriesPage,
  engines: EnginesPage,
  events: EventsPage,
  settings: SettingsPage,
  run: RunPage,
};

export function App() {
  const current = useHashRoute();
  const containerRoute = useContainerRoute();
  const imageRoute = useImageRoute();
  const volumeRoute = useVolumeRoute();
  const networkRoute = useNetworkRoute();
  const CurrentPage = pageComponents[current];
  return (
    <div className="app">
      <Sidebar current={current} />
      <main className="main">
        <NoticeList area="app" />
        {/* The volumes pages' live list: streamed only while one of them is open. */}
        {current === 'volumes' && <VolumesFeed />}
        {/* Keyed by engine and id: another container's page starts fresh, with nothing of the last one's state. */}
        <Loading what="the page">
          {containerRoute === 'resolving' ? (
            <p className="empty">Finding the container…</p>
          ) : containerRoute !== null ? (
            <ContainerDetailsPage key={itemKey(containerRoute.engineId, containerRoute.containerId)} engineId={containerRoute.engineId} containerId={containerRoute.containerId} />
          ) : imageRoute !== null ? (
            <ImageDetailsPage key={itemKey(imageRoute.engineId, imageRoute.imageId)} engineId={imageRoute.engineId} imageId={imageRoute.imageId} />
          ) : volumeRoute !== null ? (
            <VolumePage key={itemKey(volumeRoute.engineId, volumeRoute.name)} engineId={volumeRoute.engineId} name={volumeRoute.name} path={volumeRoute.path} />
          ) : networkRoute !== null ? (
            <NetworkDetailsPage key={itemKey(networkRoute.engineId, networkRoute.networkId)} engineId={networkRoute.engineId} networkId={networkRoute.networkId} />
          ) : (
            <CurrentPage />
          )}
        </Loading>
      </main>
      <StatusBar />
    </div>
  );
}

/** Keeps the volumes in the store live while mounted (useVolumesFeed). */
function VolumesFeed() {
  useVolumesFeed();
  return null;
}
