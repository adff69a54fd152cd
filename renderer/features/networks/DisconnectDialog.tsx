import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';

export interface DisconnectRequest {
  engineId: string;
  networkId: string;
  networkName: string;
  containerId: string;
  containerName: string;
}

/** "Disconnect web from app-net?", with the one choice `docker network disconnect` offers: force. */
export function DisconnectDialog({ request, onDisconnect, onClose }: { request: DisconnectRequest; onDisconnect: (request: DisconnectRequest, force: boolean) => void; onClose: () => void }) {
  const [force, setForce] = useState(false);
  return (
    <ConfirmDialog
      title={`Disconnect ${request.containerName} from ${request.networkName}?`}
      confirmLabel="Disconnect"
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        onDisconnect(request, force);
      }}
    >
      <p>The container loses its address on this network; a running one at once.</p>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
        Force: disconnect even if the engine cannot reach the container cleanly
      </label>
    </ConfirmDialog>
  );
}
