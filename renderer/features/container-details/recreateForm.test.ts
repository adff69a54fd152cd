import { describe, expect, it } from 'vitest';
import { runSpecSchema, type RunSpec } from '../../../runtime/api/index.js';
import { specDifferences } from './recreateDiff.js';
import { formFromSpec, readRecreateForm, type RecreateForm } from './recreateForm.js';

const original: RunSpec = runSpecSchema.parse({
  image: 'busybox:1.36',
  name: 'web',
  command: ['sleep', '3600'],
  env: [{ key: 'MODE', value: 'prod' }, { key: 'DB_PASSWORD', value: 'hunter2' }, { key: 'FROM_HOST' }],
  ports: [{ hostPort: 8080, containerPort: 80 }, { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' }],
  labels: { team: 'shop' },
  resources: { memoryBytes: 268435456 },
  restart: { name: 'always' },
});

function edit(changes: Partial<RecreateForm>) {
  return readRecreateForm({ ...formFromSpec(original), ...changes }, original);
}

describe('recreate form', () => {
  it('shows the spec as text with secret values masked', () => {
    const form = formFromSpec(original);
    expect(form.env).toBe('MODE=prod\nDB_PASSWORD=••••••••\nFROM_HOST');
    expect(form.ports).toBe('8080:80/tcp\n127.0.0.1::53/udp');
    expect(form.command).toBe('sleep\n3600');
  });

  it('changes nothing when nothing is edited, keeping masked secrets', () => {
    const { spec } = edit({});
    expect(spec).toEqual(original);
    expect(specDifferences(original, spec!)).toEqual([]);
    expect(edit({ env: 'MODE=prod\nDB_PASSWORD=••••••••\nFROM_HOST\n' }).spec?.env).toEqual(original.env);
  });

  it('keeps every field it does not edit', () => {
    const { spec } = edit({ image: 'busybox:1.37' });
    expect(spec).toEqual({ ...original, image: 'busybox:1.37' });
  });

  it('previews exactly the differences, old to new, secrets masked', () => {
    const { spec } = edit({
      image: 'busybox:1.37',
      command: '',
      env: 'MODE=dev\nDB_PASSWORD=s3cret\nFROM_HOST\nNEW=1',
      ports: '8080:80\n9090:90/tcp',
      labels: 'team=shop\ntier=web',
    });
    expect(specDifferences(original, spec!)).toEqual([
      { field: 'Image', before: 'busybox:1.36', after: 'busybox:1.37' },
      { field: 'Command', before: 'sleep 3600', after: "(the image's default)" },
      { field: 'Environment DB_PASSWORD', before: '••••••••', after: '•••••••• (a new value)' },
      { field: 'Environment MODE', before: 'prod', after: 'dev' },
      { field: 'Environment NEW', before: null, after: '1' },
      { field: 'Port 127.0.0.1::53/udp', before: '127.0.0.1::53/udp', after: null },
      { field: 'Port 9090:90/tcp', before: null, after: '9090:90/tcp' },
      { field: 'Label tier', before: null, after: 'web' },
    ]);
    expect(spec?.env.find((v) => v.key === 'DB_PASSWORD')?.value).toBe('s3cret');
  });

  it('names the field and line of what is wrong', () => {
    expect(edit({ image: ' ' }).errors.image).toBe('Image is required.');
    expect(edit({ ports: '8080:80\n8080:99999' }).errors.ports).toBe('Ports line 2: container port must be 1-65535.');
    expect(edit({ env: 'A=1\n=oops' }).errors.env).toBe('Environment line 2: the name before = is empty.');
    expect(edit({ labels: '=x' }).errors.labels).toBe('Labels line 1: the name before = is empty.');
  });

  it('reads ports as docker run -p does, ranges too', () => {
    expect(edit({ ports: '8080:80\n127.0.0.1:9000-9001:90-91/udp' }).spec?.ports).toEqual([
      { hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '127.0.0.1', hostPort: 9000, containerPort: 90, protocol: 'udp' },
      { hostIp: '127.0.0.1', hostPort: 9001, containerPort: 91, protocol: 'udp' },
    ]);
    expect(edit({ ports: '8000-8001:80-82' }).errors.ports).toBe('Ports line 1: the host and container port ranges differ in length.');
    expect(edit({ ports: '1.2.3:80:80' }).errors.ports).toBe('Ports line 1: "1.2.3" is not an IP address.');
  });
});
