import { ContainersPage } from '../features/containers/ContainersPage.js';
import { NoticeList } from '../ui/NoticeList.js';
import { NotBuilt } from './NotBuilt.js';
import { pages } from './routes.js';
import { Sidebar } from './Sidebar.js';
import { StatusBar } from './StatusBar.js';
import { useHashRoute } from './useHashRoute.js';

export function App() {
  const current = useHashRoute();
  const title = pages.find((page) => page.id === current)?.title ?? '';
  return (
    <div className="app">
      <Sidebar current={current} />
      <main className="main">
        <NoticeList area="app" />
        {current === 'containers' ? <ContainersPage /> : <NotBuilt title={title} />}
      </main>
      <StatusBar />
    </div>
  );
}
