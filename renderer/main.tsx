import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/app.css';
import './styles/controls.css';
import { App } from './app/App.js';
import { ClientSourceContext } from './app/connectionContext.js';
import { startLiveData } from './app/liveData.js';
import { startSettingsFeed } from './app/settingsFeed.js';
import { applyTheme } from './app/theme.js';
import { startBrowserNotifications } from './features/notifications/browserNotifier.js';
import { DisposableStore } from '../runtime/api/index.js';
import { berthStore } from './stores/store.js';
import { choosePort } from './transport/choosePort.js';
import { connectToBerth } from './transport/connection.js';

// One connection for the window's lifetime; it rebuilds its client after every disconnect.
const connection = connectToBerth({
  openPort: choosePort(window),
  onClient: (client) => {
    const feeds = new DisposableStore();
    feeds.add(startLiveData(client, berthStore));
    feeds.add(startSettingsFeed(client, berthStore));
    feeds.add(startBrowserNotifications(client));
    return feeds;
  },
  onLinkChange: (link) => berthStore.getState().engine.setLink(link),
});

// The theme from the settings, applied now (the default, `system`, before the backend has said) and on every change.
let stopFollowingTheme = applyTheme(berthStore.getState().settings.value.theme);
berthStore.subscribe((state, previous) => {
  if (state.settings.value.theme === previous.settings.value.theme) return;
  stopFollowingTheme();
  stopFollowingTheme = applyTheme(state.settings.value.theme);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ClientSourceContext value={connection.current}>
      <App />
    </ClientSourceContext>
  </StrictMode>,
);
