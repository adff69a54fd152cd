import type { Disposable, Port } from '../../runtime/api/index.js';
import { createIpcPort, findBridge } from './ipcPort.js';
import { openWebSocketPort, rpcUrl } from './webSocketPort.js';

/**
 * How this window reaches Berth: IPC inside the Electron window (the preload set `window.berth`),
 * else a WebSocket to the `berth serve` host that served this page.
 */
export function choosePort(win: Window): () => Promise<Port & Partial<Disposable>> {
  const bridge = findBridge(win);
  if (bridge) {
    const port = createIpcPort(bridge);
    return () => Promise.resolve(port);
  }
  return () => openWebSocketPort(rpcUrl(win.location));
}
