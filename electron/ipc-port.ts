import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import { toDisposable, type Disposable, type Envelope, type Port } from '../runtime/api/index.js';
import { isTrustedSender } from './trust.js';

/** The one IPC channel. The preload exposes exactly this, as `window.berth`. */
export const rpcChannel = 'berth:rpc';

/**
 * A Port over Electron IPC to one window. Messages from any other sender, or from a frame
 * that is not the app's own page, are dropped.
 */
export function ipcPort(ipcMain: IpcMain, contents: WebContents, appUrl: string): Port {
  return {
    send(message: Envelope) {
      if (!contents.isDestroyed()) contents.send(rpcChannel, message);
    },
    onMessage(listener): Disposable {
      const onMessage = (event: IpcMainEvent, message: unknown) => {
        if (event.sender !== contents) return;
        if (!isTrustedSender(event.senderFrame?.url, event.senderFrame === contents.mainFrame, appUrl)) return;
        listener(message);
      };
      ipcMain.on(rpcChannel, onMessage);
      return toDisposable(() => ipcMain.off(rpcChannel, onMessage));
    },
    onClose(listener): Disposable {
      contents.once('destroyed', listener);
      return toDisposable(() => contents.off('destroyed', listener));
    },
  };
}
