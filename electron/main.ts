// Composition root of the desktop app: one window, one IPC port, the runtime backend.
// No domain logic lives here (DESIGN.md rule 4).
import { app, BrowserWindow, dialog, ipcMain, Notification, safeStorage, session, shell } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createBackend } from '../runtime/backend.js';
import { serveRpc } from '../runtime/rpc/dispatcher.js';
import type { OpenFileRequest } from '../runtime/services/images/archive.js';
import { openDialogOptions, openedPathOf, saveDialogOptions, savedPathOf } from './file-dialogs.js';
import { keychainEncryptor } from './keychain.js';
import { ipcPort } from './ipc-port.js';
import { showSystemNotifications } from './notifications.js';
import { isAllowedNavigation, isExternalWebLink } from './trust.js';

const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preload = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const appUrl = pathToFileURL(rendererIndex).href;
// resources/ sits beside dist/ both in the repository and in the package (electron-builder.yml `files`).
const windowIcon = fileURLToPath(new URL('../../resources/icons/256x256.png', import.meta.url));

app.enableSandbox();

async function openWindow(): Promise<void> {
  let window: BrowserWindow | null = null;
  // logs.save and images.save without a path: the user picks the file (the backend writes it, streaming from the engine).
  const chooseSavePath = async (suggestedName: string): Promise<string | null> => {
    const options = saveDialogOptions(app.getPath('downloads'), suggestedName);
    return savedPathOf(window === null || window.isDestroyed() ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options));
  };
  // images.load without a path: the user picks the archive (the backend streams it to the engine).
  const chooseOpenPath = async (request: OpenFileRequest): Promise<string | null> => {
    const options = openDialogOptions(app.getPath('downloads'), request);
    return openedPathOf(window === null || window.isDestroyed() ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options));
  };
  const backend = createBackend({ autoStartManaged: true, connectOthers: true, chooseSavePath, chooseOpenPath, encryptor: keychainEncryptor(safeStorage) });
  // No permission (camera, notifications, ...) is ever needed by the UI: notifications are main's (below).
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Berth',
    icon: windowIcon,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  const rpc = serveRpc(ipcPort(ipcMain, contents, appUrl), backend.handlers);
  const notifications = showSystemNotifications(backend.notifications, () => window, { Notification });
  window.on('closed', () => {
    notifications.dispose();
    rpc.dispose();
    // The managed engine keeps running: its containers outlive the window unless the user stops it.
    backend.dispose();
  });
  await window.loadFile(rendererIndex);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => app.quit());

app
  .whenReady()
  .then(openWindow)
  .catch((error: unknown) => {
    process.stderr.write(`berth: could not open the window: ${String(error)}\n`);
    app.exit(1);
  });
