import type { RunSpec } from '../../../runtime/api/index.js';
import { formatPort } from './recreateForm.js';
import { isSecretKey, maskedText } from './secrets.js';

/** One line of the preview: what a field was and what it will be (null: absent). */
export interface SpecDifference {
  field: string;
  before: string | null;
  after: string | null;
}

const commandText = (command: string[] | undefined) => (command === undefined ? "(the image's default)" : command.join(' '));

function keyedDifferences(label: string, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, isSecret: (key: string) => boolean): SpecDifference[] {
  const show = (key: string, value: string | undefined) => (value === undefined ? null : isSecret(key) && value !== '' ? maskedText : value);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys
    .filter((key) => before.get(key) !== after.get(key) || before.has(key) !== after.has(key))
    .map((key) => {
      const difference = { field: `${label} ${key}`, before: show(key, before.get(key)), after: show(key, after.get(key)) };
      // A changed secret would read "•••• → ••••": say that it changed instead.
      return difference.before === maskedText && difference.after === maskedText ? { ...difference, after: `${maskedText} (a new value)` } : difference;
    });
}

/** Exactly which edited fields differ between the container's spec and the new one, in order. */
export function specDifferences(before: RunSpec, after: RunSpec): SpecDifference[] {
  const differences: SpecDifference[] = [];
  if (before.image !== after.image) differences.push({ field: 'Image', before: before.image, after: after.image });
  if (JSON.stringify(before.command) !== JSON.stringify(after.command)) {
    differences.push({ field: 'Command', before: commandText(before.command), after: commandText(after.command) });
  }
  const env = (spec: RunSpec) => new Map(spec.env.map((v) => [v.key, v.value ?? '(passed through)']));
  differences.push(...keyedDifferences('Environment', env(before), env(after), isSecretKey));
  const ports = (spec: RunSpec) => new Set(spec.ports.map(formatPort));
  const [oldPorts, newPorts] = [ports(before), ports(after)];
  for (const port of oldPorts) if (!newPorts.has(port)) differences.push({ field: `Port ${port}`, before: port, after: null });
  for (const port of newPorts) if (!oldPorts.has(port)) differences.push({ field: `Port ${port}`, before: null, after: port });
  differences.push(...keyedDifferences('Label', new Map(Object.entries(before.labels)), new Map(Object.entries(after.labels)), () => false));
  return differences;
}
