import '../container-details/details.css';
import './networks.css';
import { useMemo, useState } from 'react';
import type { NetworkDetails, NetworkEndpoint } from '../../../runtime/api/index.js';
import { containerHref } from '../../app/routes.js';
import { useEngineTags } from '../../app/useEngineViews.js';
import { useBerth } from '../../stores/store.js';
import { DetailsPageHeader, Fact, InspectedBody, Section } from '../../ui/DetailSections.js';
import { NoticeList } from '../../ui/NoticeList.js';
import { InspectTab } from '../container-details/InspectTab.js';
import { useMethodResult } from '../container-details/useMethodResult.js';
import { ConnectDialog } from './ConnectDialog.js';
import { DisconnectDialog, type DisconnectRequest } from './DisconnectDialog.js';
import { containersByNetwork, flagsText } from './networkRows.js';
import { RemoveNetworkDialog } from './RemoveNetworkDialog.js';
import { useNetworksWanted } from './useNetworks.js';
import { networkBusyKey, useDisconnect, useRemoveNetwork } from './useNetworkActions.js';

/**
 * `#/networks/<engineId>/<networkId>`: one network, its containers with their addresses, MAC
 * addresses and aliases, its settings, and the engine's whole inspect. Connect and Disconnect
 * here; inspected again whenever the engine's events bring news of it or of its containers.
 */
export function NetworkDetailsPage({ engineId, networkId }: { engineId: string; networkId: string }) {
  useNetworksWanted();
  const summary = useBerth((s) => s.networks.byEngine[engineId]?.byId[networkId]);
  const attachments = useBerth((s) => s.networks.byEngine[engineId]?.attachments ?? null);
  const attached = useMemo(() => containersByNetwork(attachments)?.get(networkId) ?? null, [attachments, networkId]);
  const refreshKey = `${JSON.stringify(summary ?? null)}|${JSON.stringify(attached)}`;
  const { data: details, error } = useMethodResult('networks.inspect', { id: networkId }, { engineId, refreshKey });
  const engines = useEngineTags();
  const engine = engines.byId.get(engineId);
  const isBusy = useBerth((s) => s.ui.busy[networkBusyKey(engineId, networkId)] === true);
  const remove = useRemoveNetwork();
  const disconnect = useDisconnect();
  const [dialog, setDialog] = useState<'connect' | 'remove' | DisconnectRequest | null>(null);
  const isGone = error?.code === 'not_found';
  const name = details?.name ?? summary?.name ?? networkId.slice(0, 12);
  const shown = isGone ? null : details;

  return (
    <section className="page details-page network-details-page" aria-labelledby="page-title">
      <DetailsPageHeader
        listHref="#/networks"
        listName="networks"
        title={name}
        engine={engines.isShown ? (engine ?? null) : null}
        actions={
          shown === null ? undefined : (
            <>
              <button type="button" onClick={() => setDialog('connect')}>
                Connect a container…
              </button>
              <button type="button" disabled={shown.predefined || isBusy} title={shown.predefined ? "The engine's own network: it cannot be removed" : undefined} onClick={() => setDialog('remove')}>
                Remove
              </button>
            </>
          )
        }
      />
      <NoticeList area="networks" />
      <InspectedBody noun="network" listHref="#/networks" isGone={isGone} item={shown} error={error}>
        {(shown) => (
          <>
            <Section id="network-containers" title="Containers">
              <EndpointTable
                network={shown}
                onDisconnect={(endpoint) =>
                  setDialog({ engineId, networkId: shown.id, networkName: shown.name, containerId: endpoint.containerId, containerName: endpoint.containerName })
                }
              />
            </Section>
            <NetworkFacts network={shown} />
            <Section id="network-inspect" title="Inspect">
              <InspectTab raw={shown.raw} />
            </Section>
          </>
        )}
      </InspectedBody>
      {dialog === 'connect' && <ConnectDialog engineId={engineId} subject={{ kind: 'network', networkId }} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && shown !== null && (
        <RemoveNetworkDialog
          target={{ engineId, id: shown.id, name: shown.name }}
          containers={attached ?? shown.containers}
          onRemove={(target) => void remove(target).then((removed) => removed && window.location.assign('#/networks'))}
          onClose={() => setDialog(null)}
        />
      )}
      {typeof dialog === 'object' && dialog !== null && <DisconnectDialog request={dialog} onDisconnect={disconnect} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** The containers on the network: each linked to its page, with its state, addresses, MAC, aliases and Disconnect. */
function EndpointTable({ network, onDisconnect }: { network: NetworkDetails; onDisconnect: (endpoint: NetworkEndpoint) => void }) {
  if (network.containers.length === 0) return <p className="empty">No container is on this network.</p>;
  return (
    <table className="kv-table" aria-label={`Containers on ${network.name}`}>
      <thead>
        <tr>
          {['Container', 'State', 'IPv4 address', 'IPv6 address', 'MAC address', 'Aliases'].map((header) => (
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
        {network.containers.map((endpoint) => (
          <tr key={endpoint.containerId} aria-label={endpoint.containerName}>
            <td>
              <a href={containerHref(network.engineId, endpoint.containerId)}>{endpoint.containerName}</a>
            </td>
            <td>{endpoint.containerState}</td>
            <td className="mono">{endpoint.ipv4Address ?? (endpoint.fixedIpv4Address === null ? '—' : `${endpoint.fixedIpv4Address} (when started)`)}</td>
            <td className="mono">{endpoint.ipv6Address ?? (endpoint.fixedIpv6Address === null ? '—' : `${endpoint.fixedIpv6Address} (when started)`)}</td>
            <td className="mono">{endpoint.macAddress ?? '—'}</td>
            <td className="mono">{endpoint.aliases.length === 0 ? '—' : endpoint.aliases.join(', ')}</td>
            <td>
              <button type="button" aria-label={`Disconnect ${endpoint.containerName}`} onClick={() => onDisconnect(endpoint)}>
                Disconnect
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NetworkFacts({ network }: { network: NetworkDetails }) {
  const pairs = (record: Record<string, string>, what: string) =>
    Object.keys(record).length === 0 ? (
      <p className="empty">No {what}.</p>
    ) : (
      <table className="kv-table" aria-label={what[0]?.toUpperCase() + what.slice(1)}>
        <tbody>
          {Object.entries(record)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, value]) => (
              <tr key={key}>
                <th scope="row" className="mono">
                  {key}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
        </tbody>
      </table>
    );
  return (
    <>
      <Section id="network-settings" title="Settings">
        <dl className="facts">
          <Fact term="Id">{network.id}</Fact>
          <Fact term="Driver">{network.driver}</Fact>
          <Fact term="Scope">{network.scope}</Fact>
          <Fact term="Created">{network.created ?? 'unknown'}</Fact>
          {network.subnets.length === 0 && <Fact term="Subnet">none</Fact>}
          {network.subnets.map((subnet, index) => (
            <Fact key={subnet.subnet} term={network.subnets.length === 1 ? 'Subnet' : `Subnet ${index + 1}`}>
              {[subnet.subnet, subnet.gateway && `gateway ${subnet.gateway}`, subnet.ipRange && `IP range ${subnet.ipRange}`].filter(Boolean).join(', ')}
            </Fact>
          ))}
          <Fact term="Flags">{flagsText(network) || 'none'}</Fact>
          <Fact term="IPAM driver">{network.ipamDriver}</Fact>
        </dl>
      </Section>
      <Section id="network-options" title="Driver options">
        {pairs(network.options, 'driver options')}
      </Section>
      <Section id="network-labels" title="Labels">
        {pairs(network.labels, 'labels')}
      </Section>
    </>
  );
}
