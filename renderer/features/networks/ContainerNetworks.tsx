import './networks.css';
import { useState } from 'react';
import type { ContainerDetails } from '../../../runtime/api/index.js';
import { networkHref } from '../../app/routes.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { ConnectDialog } from './ConnectDialog.js';
import { DisconnectDialog, type DisconnectRequest } from './DisconnectDialog.js';
import { useContainerAttachments, useNetworksWanted } from './useNetworks.js';
import { useDisconnect } from './useNetworkActions.js';

/**
 * The networks section of a container's page: each network with the container's address,
 * gateway, MAC address and aliases there (from its inspect, asked again when its attachments
 * change), linked to the network's page, with Disconnect; and Connect to another network.
 */
export function ContainerNetworks({ details }: { details: ContainerDetails }) {
  useNetworksWanted();
  const attachments = useContainerAttachments(details.engineId, details.id);
  const disconnect = useDisconnect();
  const [dialog, setDialog] = useState<'connect' | DisconnectRequest | null>(null);
  /** The network's id by its name here (the engine keys a container's networks by name). */
  const idOf = (name: string) => attachments?.find((attachment) => attachment.networkName === name)?.networkId ?? null;
  return (
    <>
      <NoticeList area="networks" />
      {details.networks.length === 0 ? (
        <p className="empty">Not attached to any network.</p>
      ) : (
        <table className="kv-table" aria-label="Networks">
          <thead>
            <tr>
              {['Network', 'IP address', 'Gateway', 'MAC address', 'Aliases'].map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {details.networks.map((network) => {
              const networkId = idOf(network.name);
              return (
                <tr key={network.name} aria-label={network.name}>
                  <td className="mono">{networkId === null ? network.name : <a href={networkHref(details.engineId, networkId)}>{network.name}</a>}</td>
                  <td className="mono">{network.ipAddress || '(none)'}</td>
                  <td className="mono">{network.gateway || '(none)'}</td>
                  <td className="mono">{network.macAddress}</td>
                  <td className="mono">{network.aliases.join(', ')}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Disconnect from ${network.name}`}
                      onClick={() => setDialog({ engineId: details.engineId, networkId: networkId ?? network.name, networkName: network.name, containerId: details.id, containerName: details.name })}
                    >
                      Disconnect
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => setDialog('connect')}>
        Connect to a network…
      </button>
      {dialog === 'connect' && <ConnectDialog engineId={details.engineId} subject={{ kind: 'container', containerId: details.id, containerName: details.name }} onClose={() => setDialog(null)} />}
      {typeof dialog === 'object' && dialog !== null && <DisconnectDialog request={dialog} onDisconnect={disconnect} onClose={() => setDialog(null)} />}
    </>
  );
}
