import { networkCreateProblems, networkNamePattern, type CreatableDriver, type MethodParams } from '../../../runtime/api/index.js';

/** The Create network form as typed. Labels and options are `KEY=VALUE`, one a line. */
export interface NetworkForm {
  name: string;
  driver: CreatableDriver;
  parent: string;
  subnet: string;
  gateway: string;
  ipRange: string;
  ipv6: boolean;
  subnet6: string;
  gateway6: string;
  internal: boolean;
  attachable: boolean;
  labels: string;
  options: string;
}

export type FormField = keyof NetworkForm;

export const emptyNetworkForm: NetworkForm = {
  name: '',
  driver: 'bridge',
  parent: '',
  subnet: '',
  gateway: '',
  ipRange: '',
  ipv6: false,
  subnet6: '',
  gateway6: '',
  internal: false,
  attachable: false,
  labels: '',
  options: '',
};

export interface ReadForm {
  /** What `networks.create` is sent; null while a problem is left. */
  params: MethodParams<'networks.create'> | null;
  /** Why a field cannot be sent, each naming the field; empty when none. */
  problems: Partial<Record<FormField, string>>;
  /** Which form field each contract path is: `subnets.1.gateway` -> `gateway6`, for the engine's refusals too. */
  fieldOf: (path: string) => FormField | null;
}

/** `KEY=VALUE` lines as a record, or the first line that is not one. */
function readPairs(text: string, what: string): { pairs: Record<string, string> } | { problem: string } {
  const pairs: Record<string, string> = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const at = line.indexOf('=');
    if (at === -1) return { problem: `${what}, line ${index + 1}: must be KEY=VALUE, not "${line.trim()}"` };
    pairs[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return { pairs };
}

/**
 * The form read into `networks.create` params, checked by the backend's own rules
 * (network-rules.ts) so a problem shows next to its field before anything is sent.
 */
export function readNetworkForm(form: NetworkForm): ReadForm {
  const problems: Partial<Record<FormField, string>> = {};
  const name = form.name.trim();
  if (name !== '' && !networkNamePattern.test(name)) problems.name = 'Name: must start with a letter or digit and use only letters, digits, _ . -';

  const subnets: { subnet: string; gateway?: string; ipRange?: string }[] = [];
  const families: ('4' | '6')[] = [];
  if (form.subnet.trim() !== '') {
    subnets.push({ subnet: form.subnet.trim(), ...(form.gateway.trim() ? { gateway: form.gateway.trim() } : {}), ...(form.ipRange.trim() ? { ipRange: form.ipRange.trim() } : {}) });
    families.push('4');
  } else if (form.gateway.trim() !== '' || form.ipRange.trim() !== '') {
    problems.subnet = 'Subnet: a gateway or IP range needs its subnet';
  }
  if (form.ipv6 && form.subnet6.trim() !== '') {
    subnets.push({ subnet: form.subnet6.trim(), ...(form.gateway6.trim() ? { gateway: form.gateway6.trim() } : {}) });
    families.push('6');
  } else if (form.ipv6 && form.gateway6.trim() !== '') {
    problems.subnet6 = 'IPv6 subnet: a gateway needs its subnet';
  }

  const labels = readPairs(form.labels, 'Labels');
  const options = readPairs(form.options, 'Driver options');
  if ('problem' in labels) problems.labels = labels.problem;
  if ('problem' in options) problems.options = options.problem;

  const fieldOf = (path: string): FormField | null => {
    const [head, index, leaf] = path.split('.');
    if (head === 'subnets') {
      const six = families[Number(index)] === '6';
      if (leaf === 'gateway') return six ? 'gateway6' : 'gateway';
      if (leaf === 'ipRange') return 'ipRange';
      return six ? 'subnet6' : 'subnet';
    }
    if (head === 'name' || head === 'parent' || head === 'labels' || head === 'options' || head === 'driver' || head === 'ipv6') return head;
    return null;
  };

  const params: MethodParams<'networks.create'> = {
    name,
    driver: form.driver,
    ...(form.driver !== 'bridge' && form.parent.trim() !== '' ? { parent: form.parent.trim() } : {}),
    subnets,
    ipv6: form.ipv6,
    internal: form.internal,
    attachable: form.attachable,
    labels: 'pairs' in labels ? labels.pairs : {},
    options: 'pairs' in options ? options.pairs : {},
  };
  for (const problem of networkCreateProblems({ driver: form.driver, parent: params.parent, subnets, ipv6: form.ipv6, labels: params.labels ?? {}, options: params.options ?? {} })) {
    const field = fieldOf(problem.path.map(String).join('.'));
    if (field !== null && problems[field] === undefined) problems[field] = `${labelOf(field)}: ${problem.reason}`;
  }
  const ready = name !== '' && Object.keys(problems).length === 0;
  return { params: ready ? params : null, problems, fieldOf };
}

const labelsOfFields: Record<FormField, string> = {
  name: 'Name',
  driver: 'Driver',
  parent: 'Parent interface',
  subnet: 'Subnet',
  gateway: 'Gateway',
  ipRange: 'IP range',
  ipv6: 'IPv6',
  subnet6: 'IPv6 subnet',
  gateway6: 'IPv6 gateway',
  internal: 'Internal',
  attachable: 'Attachable',
  labels: 'Labels',
  options: 'Driver options',
};

export function labelOf(field: FormField): string {
  return labelsOfFields[field];
}
