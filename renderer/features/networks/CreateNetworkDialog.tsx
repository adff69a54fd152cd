import { useState } from 'react';
import { creatableDrivers, type CreatableDriver } from '../../../runtime/api/index.js';
import type { EngineTags } from '../../app/useEngineViews.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { EngineSelect } from '../../ui/EngineSelect.js';
import { Field } from '../../ui/Field.js';
import { useMethodResult } from '../container-details/useMethodResult.js';
import { emptyNetworkForm, labelOf, readNetworkForm, type FormField, type NetworkForm } from './createNetworkForm.js';
import { useNetworkCall } from './useNetworkActions.js';

interface CreateNetworkDialogProps {
  /** The engine it is made on; with several engines connected the user may pick another. */
  engineId: string;
  engines: EngineTags;
  onClose: () => void;
}

/**
 * **Create network**: name, driver (bridge; macvlan / ipvlan where the engine has them, with the
 * parent interface), subnet, gateway and IP range, IPv6 with its subnet, internal, attachable,
 * labels and driver options. Each field is checked as typed by the backend's own rules; the
 * engine's refusal (a name or subnet taken) is shown under the field it is about, in its words,
 * and the dialog keeps what was typed. The new row arrives through the events stream.
 */
export function CreateNetworkDialog({ engineId: initialEngineId, engines, onClose }: CreateNetworkDialogProps) {
  const [engineId, setEngineId] = useState(initialEngineId);
  const [form, setForm] = useState<NetworkForm>(emptyNetworkForm);
  const [refusal, setRefusal] = useState<{ field: FormField | null; message: string } | null>(null);
  const [isSending, setSending] = useState(false);
  const call = useNetworkCall();
  const drivers = useMethodResult('networks.drivers', {}, { engineId }).data ?? ['bridge'];
  const read = readNetworkForm(form);
  const connected = engines.views.filter((view) => view.state === 'connected');

  const set = <K extends FormField>(field: K, value: NetworkForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setRefusal(null);
  };
  const errorOf = (field: FormField) => read.problems[field] ?? (refusal?.field === field ? `${labelOf(field)}: ${refusal.message}` : null);
  const text = (field: 'name' | 'parent' | 'subnet' | 'gateway' | 'ipRange' | 'subnet6' | 'gateway6', hint?: string) => (
    <Field label={labelOf(field)} error={errorOf(field)} {...(hint === undefined ? {} : { hint })}>
      {(control) => <input {...control} type="text" value={form[field]} autoComplete="off" spellCheck={false} onChange={(event) => set(field, event.target.value)} />}
    </Field>
  );
  const lines = (field: 'labels' | 'options', hint: string) => (
    <Field label={labelOf(field)} error={errorOf(field)} hint={hint}>
      {(control) => <textarea {...control} value={form[field]} spellCheck={false} onChange={(event) => set(field, event.target.value)} />}
    </Field>
  );

  const create = () => {
    if (read.params === null) return;
    setSending(true);
    void call('networks.create', read.params, engineId).then((refused) => {
      setSending(false);
      if (refused === null) return onClose();
      const path = typeof refused.details?.field === 'string' ? refused.details.field : '';
      const field = read.fieldOf(path);
      // The message names the field already (`networks.create: name: ...`): under the field, only the reason.
      setRefusal({ field, message: field === null ? refused.message : refused.message.replace(/^networks\.create: [^:]+: /, '') });
    });
  };

  return (
    <ConfirmDialog title="Create a network" confirmLabel={isSending ? 'Creating…' : 'Create'} tone="normal" confirmDisabled={read.params === null || isSending} onConfirm={create} onCancel={onClose}>
      <div className="network-form">
        {engines.isShown && connected.length > 1 && <EngineSelect engineId={engineId} choices={connected} onChoose={setEngineId} />}
        {text('name', 'Letters, digits, _ . - (e.g. app-net)')}
        <Field label={labelOf('driver')} error={errorOf('driver')}>
          {(control) => (
            <select {...control} value={form.driver} onChange={(event) => set('driver', event.target.value as CreatableDriver)}>
              {creatableDrivers
                .filter((driver) => drivers.includes(driver))
                .map((driver) => (
                  <option key={driver} value={driver}>
                    {driver}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {form.driver !== 'bridge' && text('parent', 'The host interface it rides on: eth0, or eth0.10 for VLAN 10')}
        <fieldset>
          <legend>IPv4 (optional: the engine picks a subnet)</legend>
          {text('subnet', 'CIDR, e.g. 10.1.0.0/24')}
          {text('gateway', 'e.g. 10.1.0.1; the engine picks one when empty')}
          {text('ipRange', 'Containers get addresses from this part of the subnet only, e.g. 10.1.0.128/25')}
        </fieldset>
        <fieldset>
          <legend>IPv6</legend>
          <Check label="Enable IPv6" checked={form.ipv6} onChange={(checked) => set('ipv6', checked)} />
          {errorOf('ipv6') && (
            <p role="alert" className="field-error">
              {errorOf('ipv6')}
            </p>
          )}
          {form.ipv6 && text('subnet6', 'CIDR, e.g. fd00:1::/64')}
          {form.ipv6 && text('gateway6', 'e.g. fd00:1::1')}
        </fieldset>
        <Check label="Internal: no route out of the network" checked={form.internal} onChange={(checked) => set('internal', checked)} />
        <Check label="Attachable: containers may be connected by hand (swarm networks)" checked={form.attachable} onChange={(checked) => set('attachable', checked)} />
        {lines('labels', 'KEY=VALUE, one a line')}
        {lines('options', 'KEY=VALUE, one a line, e.g. com.docker.network.driver.mtu=1400')}
        {refusal !== null && refusal.field === null && (
          <p role="alert" className="form-error">
            {refusal.message}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}
