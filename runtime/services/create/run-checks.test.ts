import { describe, expect, it } from 'vitest';
import { runSpecSchema } from '../../api/index.js';
import { checkImageReference, checkSpecShape, dangerWarnings } from './run-checks.js';

const spec = (input: Record<string, unknown>) => runSpecSchema.parse({ image: 'busybox', ...input });

describe('checkImageReference', () => {
  it('accepts what people write and refuses what the engine would', () => {
    for (const good of ['busybox', 'busybox:1.36', 'library/busybox', '127.0.0.1:5000/team/app:v1.2', 'ghcr.io/org/app@sha256:' + 'a'.repeat(64), 'my_app-2'])
      expect(checkImageReference(good), good).toBeNull();
    for (const bad of ['BusyBox', 'busybox:', 'bad image', '-lead', 'a//b', 'app@sha256:xyz'])
      expect(checkImageReference(bad), bad).not.toBeNull();
  });
});

describe('checkSpecShape', () => {
  it('names bind sources that are not absolute, duplicate targets and ports', () => {
    const issues = checkSpecShape(
      spec({
        mounts: [
          { type: 'bind', source: 'relative/dir', target: '/data' },
          { type: 'anonymous', target: '/data' },
        ],
        ports: [
          { hostPort: 8080, containerPort: 80 },
          { hostPort: 8080, containerPort: 81 },
        ],
      }),
    );
    expect(issues.map((issue) => issue.field)).toEqual(['mounts.0.source', 'mounts.1.target', 'ports.1.hostPort']);
  });
});

describe('dangerWarnings', () => {
  it('warns once for each dangerous choice, saying what it gives away', () => {
    const warnings = dangerWarnings(
      spec({
        privileged: true,
        network: 'host',
        pidMode: 'host',
        ipcMode: 'host',
        mounts: [{ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }],
        capAdd: ['SYS_ADMIN', 'NET_ADMIN'],
      }),
      null,
    );
    expect(warnings.map((warning) => warning.field)).toEqual(['privileged', 'network', 'pidMode', 'ipcMode', 'mounts.0.source', 'capAdd.0', 'capAdd.1']);
    expect(dangerWarnings(spec({}), null)).toEqual([]);
  });
});
