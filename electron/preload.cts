// The whole bridge between the page and the backend: one channel, two functions.
// Sandboxed preloads must be CommonJS, hence .cts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS; this is its import form
import electron = require('electron');

const channel = 'berth:rpc';

electron.contextBridge.exposeInMainWorld('berth', {
  send(message: unknown): void {
    electron.ipcRenderer.send(channel, message);
  },
  onMessage(listener: (message: unknown) => void): () => void {
    const wrapped = (_event: electron.IpcRendererEvent, message: unknown) => listener(message);
    electron.ipcRenderer.on(channel, wrapped);
    return () => {
      electron.ipcRenderer.removeListener(channel, wrapped);
    };
  },
});
