import { ContainerDetailsPage } from '../features/container-details/ContainerDetailsPage.js';
import { ContainersPage } from '../features/containers/ContainersPage.js';
import { ImagesPage } from '../features/images/ImagesPage.js';
import { RunPage } from '../features/run/RunPage.js';
import { NoticeList } from '../ui/NoticeList.js';
import { NotBuilt } from './NotBuilt.js';
import { pages } from './routes.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { useContainerRoute } from './useContainerRoute.js';
import { useHashRoute } from './useHashRoute.js';

export function App() {
  const current = useHashRoute();
  const containerId = useContainerRoute();
  const title = pages.find((page) => page.id === current)?.title ?? '';
  return (
    <div className="app">
      <Sidebar current={current} />
      <main className="main">
        <NoticeList area="app" />
        {/* Keyed by id: another container's page starts fresh, with nothing of the last one's state. */}
        {containerId !== null ? (
          <ContainerDetailsPage key={containerId} containerId={containerId} />
        ) : current === 'run' ? (
          <RunPage />
        ) : current === 'containers' ? (
          <ContainersPage />
        ) : current === 'images' ? (
          <ImagesPage />
        ) : (
          <NotBuilt title={title} />
        )}
      </main>
      <StatusBar />
    </div>
  );
}
