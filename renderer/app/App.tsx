import { ContainerDetailsPage } from '../features/container-details/ContainerDetailsPage.js';
import { ContainersPage } from '../features/containers/ContainersPage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { EnginesPage } from '../features/engines/EnginesPage.js';
import { EventsPage } from '../features/engine-events/EventsPage.js';
import { ImageDetailsPage } from '../features/image-details/ImageDetailsPage.js';
import { ImagesPage } from '../features/images/ImagesPage.js';
import { LogsPage } from '../features/logs/LogsPage.js';
import { RegistriesPage } from '../features/registries/RegistriesPage.js';
import { NetworkDetailsPage } from '../features/networks/NetworkDetailsPage.js';
import { NetworksPage } from '../features/networks/NetworksPage.js';
import { RunPage } from '../features/run/RunPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { VolumePage } from '../features/volumes/VolumePage.js';
import { VolumesPage } from '../features/volumes/VolumesPage.js';
import { useVolumesFeed } from '../features/volumes/useVolumesFeed.js';
import { itemKey } from '../stores/itemKey.js';
import { NoticeList } from '../ui/NoticeList.js';
import { NotBuilt } from './NotBuilt.js';
import { pages } from './routes.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { useContainerRoute } from './useContainerRoute.js';
import { useHashRoute } from './useHashRoute.js';
import { useImageRoute, useNetworkRoute, useVolumeRoute } from './useDetailRoutes.js';

export function App() {
  const current = useHashRoute();
  const containerRoute = useContainerRoute();
  const imageRoute = useImageRoute();
  const volumeRoute = useVolumeRoute();
  const networkRoute = useNetworkRoute();
  const title = pages.find((page) => page.id === current)?.title ?? '';
  return (
    <div className="app">
      <Sidebar current={current} />
      <main className="main">
        <NoticeList area="app" />
        {/* The volumes pages' live list: streamed only while one of them is open. */}
        {current === 'volumes' && <VolumesFeed />}
        {/* Keyed by engine and id: another container's page starts fresh, with nothing of the last one's state. */}
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
        ) : current === 'run' ? (
          <RunPage />
        ) : current === 'dashboard' ? (
          <DashboardPage />
        ) : current === 'containers' ? (
          <ContainersPage />
        ) : current === 'images' ? (
          <ImagesPage />
        ) : current === 'logs' ? (
          <LogsPage />
        ) : current === 'registries' ? (
          <RegistriesPage />
        ) : current === 'volumes' ? (
          <VolumesPage />
        ) : current === 'networks' ? (
          <NetworksPage />
        ) : current === 'engines' ? (
          <EnginesPage />
        ) : current === 'events' ? (
          <EventsPage />
        ) : current === 'settings' ? (
          <SettingsPage />
        ) : (
          <NotBuilt title={title} />
        )}
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
