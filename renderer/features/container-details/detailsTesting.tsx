import { act } from '@testing-library/react';
import type { ContainerDetails } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { container, engineStatus, settle, type FakeHost } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { ContainerDetailsPage } from './ContainerDetailsPage.js';

export const containerId = 'c'.repeat(64);

/** An inspect answer for tests: a running busybox named `web`. */
export function details(overrides: Partial<ContainerDetails> = {}): ContainerDetails {
  return {
    engineId: 'engine-1',
    id: containerId,
    name: 'web',
    state: { status: 'running', running: true, paused: false, restarting: false, oomKilled: false, dead: false, exitCode: 0, startedAt: '2025-01-01T10:00:00Z', finishedAt: null, error: '', health: null },
    restartCount: 0,
    image: 'busybox:1.37',
    imageId: 'sha256:' + 'b'.repeat(64),
    imageDigest: 'busybox@sha256:' + 'd'.repeat(64),
    command: ['sleep', '3600'],
    terminal: { tty: false, stdin: false },
    ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 }],
    mounts: [],
    networks: [{ name: 'bridge', ipAddress: '172.17.0.2', gateway: '172.17.0.1', macAddress: '02:42:ac:11:00:02', aliases: [] }],
    labels: {},
    env: ['PATH=/bin'],
    limits: { memoryBytes: 0, memoryReservationBytes: 0, memorySwapBytes: 0, cpus: 0, cpuShares: 0, cpusetCpus: '', pidsLimit: 0, restart: { name: 'no', maxRetries: 0 } },
    raw: { Id: containerId, Name: '/web' },
    ...overrides,
  };
}

/** Renders the page connected to a FakeHost and answers its first inspect with `answer`. */
export async function renderDetails(answer: ContainerDetails): Promise<{ host: FakeHost }> {
  const rendered = renderWithClient(<ContainerDetailsPage engineId="engine-1" containerId={answer.id} />);
  const { host } = rendered;
  await act(async () => {
    const { engine, containers } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
    containers.replaceEngine('engine-1', [container({ id: answer.id, name: answer.name, state: answer.state.running ? 'running' : 'exited' })]);
    await settle();
  });
  const inspect = host.callsOf('containers.inspect').at(-1);
  if (!inspect) throw new Error('The page did not inspect its container.');
  await act(async () => {
    host.reply(inspect.id, answer);
    await settle();
  });
  return { host };
}

/** Answers the last call of `method` and lets the UI update. */
export async function answer(host: FakeHost, method: string, result: unknown): Promise<void> {
  const call = host.callsOf(method).at(-1);
  if (!call) throw new Error(`No call of ${method}.`);
  await act(async () => {
    host.reply(call.id, result);
    await settle();
  });
}
