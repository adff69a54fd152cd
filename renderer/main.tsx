import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/app.css';
import './styles/controls.css';
import { App } from './app/App.js';
import { ClientSourceContext } from './app/connectionContext.js';
import { startLiveData } from './app/liveData.js';
import { berthStore } from './stores/store.js';
import { choosePort } from './transport/choosePort.js';
import { connectToBerth } from './transport/connection.js';

// One connection for the window's lifetime; it rebuilds its client after every disconnect.
const connection = connectToBerth({
  openPort: choosePort(window),
  onClient: (client) => startLiveData(client, berthStore),
  onLinkChange: (link) => berthStore.getState().engine.setLink(link),
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
