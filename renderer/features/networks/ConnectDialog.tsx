import { useMemo, useState } from 'react';
import { useBerth } from '../../stores/store.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { Field } from '../../ui/Field.js';
import { readConnectForm, type ConnectField, type ConnectForm } from './connectForm.js';
import { useNetworkCall } from './useNetworkActions.js';

/** What the dialog connects: a network (from its page) or a container (from its page); the other is chosen. */
export type ConnectSubject = { kind: 'network'; networkId: string } | { kind: 'container'; containerId: string; containerName: string };

const labels: Record<ConnectField, string> = { aliases: 'Aliases', ipv4Address: 'IPv4 address', ipv6Address: 'IPv6 address' };

/**
 * **Connect**: a container to a network of its engine, with aliases (other names it answers to
 * there) and, where the subnet allows, a fixed IPv4 or IPv6 address, checked against the
 * network's subnets as typed. The engine's refusal is shown under the field it is about.
 */
export function ConnectDialog({ engineId, subject, onClose }: { engineId: string; subject: ConnectSubject; onClose: () => void }) {
  const networks = useBerth((s) => s.networks.byEngine[engineId]);
  const containers = useBerth((s) => s.containers.byEngine[engineId]?.byId);
  const call = useNetworkCall();
  const [chosen, setChosen] = useState('');
  const [form, setForm] = useState<ConnectForm>({ aliases: '', ipv4Address: '', ipv6Address: '' });
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [isSending, setSending] = useState(false);

  /** The choices: containers not yet on the network, or networks the container is not yet on. */
  const choices = useMemo(() => {
    const attachments = networks?.attachments ?? {};
    if (subject.kind === 'network') {
      const on = new Set(Object.entries(attachments).flatMap(([containerId, list]) => (list.some((attachment) => attachment.networkId === subject.networkId) ? [containerId] : [])));
      return Object.values(containers ?? {})
        .filter((container) => !on.has(container.id))
        .map((container) => ({ id: container.id, label: `${container.name} (${container.state})` }))
        .sort((a, b) => a.label.localeCompare(b.label));
    }
    const on = new Set((attachments[subject.containerId] ?? []).map((attachment) => attachment.networkId));
    return Object.values(networks?.byId ?? {})
      .filter((network) => !on.has(network.id) && network.name !== 'host' && network.name !== 'none')
      .map((network) => ({ id: network.id, label: `${network.name} (${network.driver})` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [networks, containers, subject]);

  const choice = chosen !== '' && choices.some((option) => option.id === chosen) ? chosen : (choices[0]?.id ?? '');
  const networkId = subject.kind === 'network' ? subject.networkId : choice;
  const containerId = subject.kind === 'container' ? subject.containerId : choice;
  const network = networks?.byId[networkId] ?? null;
  const read = readConnectForm(form, network);
  const title = subject.kind === 'network' ? `Connect a container to ${network?.name ?? 'the network'}` : `Connect ${subject.containerName} to a network`;

  const set = (field: ConnectField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setRefusal(null);
  };
  const errorOf = (field: ConnectField) => read.problems[field] ?? (refusal?.field === field ? `${labels[field]}: ${refusal.message}` : null);

  const connect = () => {
    setSending(true);
    const params = {
      network: networkId,
      container: containerId,
      aliases: read.aliases,
      ...(read.ipv4Address === undefined ? {} : { ipv4Address: read.ipv4Address }),
      ...(read.ipv6Address === undefined ? {} : { ipv6Address: read.ipv6Address }),
    };
    void call('networks.connect', params, engineId).then((refused) => {
      setSending(false);
      if (refused === null) return onClose();
      const field = typeof refused.details?.field === 'string' && refused.details.field in labels ? refused.details.field : null;
      setRefusal({ field, message: field === null ? refused.message : refused.message.replace(/^networks\.connect: [^:]+: /, '') });
    });
  };

  return (
    <ConfirmDialog
      title={title}
      confirmLabel={isSending ? 'Connecting…' : 'Connect'}
      tone="normal"
      confirmDisabled={choice === '' || Object.keys(read.problems).length > 0 || isSending}
      onConfirm={connect}
      onCancel={onClose}
    >
      <div className="network-form">
        <Field label={subject.kind === 'network' ? 'Container' : 'Network'} {...(refusal?.field === 'container' || refusal?.field === 'network' ? { error: refusal.message } : {})}>
          {(control) =>
            choices.length === 0 ? (
              <p {...control} className="empty">
                {subject.kind === 'network' ? 'Every container of this engine is on it already.' : 'The container is on every network it can join already.'}
              </p>
            ) : (
              <select {...control} value={choice} onChange={(event) => setChosen(event.target.value)}>
                {choices.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
        {(['aliases', 'ipv4Address', 'ipv6Address'] as const).map((field) => (
          <Field
            key={field}
            label={labels[field]}
            error={errorOf(field)}
            hint={field === 'aliases' ? 'Other names it answers to on this network, separated by spaces (user-defined networks only)' : 'Optional: the engine picks one when empty'}
          >
            {(control) => <input {...control} type="text" value={form[field]} autoComplete="off" spellCheck={false} onChange={(event) => set(field, event.target.value)} />}
          </Field>
        ))}
        {refusal !== null && refusal.field === null && (
          <p role="alert" className="form-error">
            {refusal.message}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}
