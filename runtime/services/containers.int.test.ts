import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type ContainerChangedEvent } from '../api/index.js';
import { TestContainers, connectBackend, docker, recordEvents, testImage, type Connected } from '../testing/real-engine.js';

let connected: Connected;
const containers = new TestContainers();

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
});

describe('containers on the real engine', () => {
  it('containers.list equals docker ps -a', async () => {
    await containers.run('running', testImage(), 'sleep', '300');
    const exited = containers.name('exited');
    // `docker run` itself exits 3 here, which is the point.
    await expect(docker('run', '--name', exited, testImage(), 'sh', '-c', 'exit 3')).rejects.toThrow();

    const cli = (await docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.State}}')).split('\n').filter(Boolean).sort();
    const listed = await connected.client.call('containers.list', {});
    expect(listed.map((c) => `${c.id} ${c.name} ${c.state}`).sort()).toEqual(cli);
    expect(listed.find((c) => c.name === exited)).toMatchObject({ state: 'exited', exitCode: 3 });
  });

  it('start, stop and remove through the contract are what the docker CLI sees', async () => {
    const name = await containers.run('lifecycle', testImage(), 'sleep', '300');
    await connected.client.call('containers.stop', { id: name, timeoutSeconds: 0 });
    expect(await docker('inspect', '-f', '{{.State.Running}}', name)).toBe('false');
    await connected.client.call('containers.start', { id: name });
    expect(await docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
    await connected.client.call('containers.start', { id: name }); // already running: not an error

    const refused = await connected.client.call('containers.remove', { id: name }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/running container/i) as unknown });

    await connected.client.call('containers.remove', { id: name, force: true });
    await expect(docker('inspect', name)).rejects.toThrow(/No such/i);
  });

  it('unpausing a container that is not paused is a conflict in the engine\'s words (dockerd 20.10 answers it with 500)', async () => {
    const name = await containers.run('unpause', '--init', testImage(), 'sleep', '300');
    await expect(connected.client.call('containers.unpause', { id: name })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/not paused/) as unknown });
    await connected.client.call('containers.pause', { id: name });
    await connected.client.call('containers.unpause', { id: name });
    expect(await docker('inspect', '-f', '{{.State.Status}}', name)).toBe('running');
  });

  it('takes the name with the leading slash inspect shows (the engine redirects /containers//web, 301)', async () => {
    const name = await containers.run('slash', '--init', testImage(), 'sleep', '300');
    await expect(connected.client.call('containers.inspect', { id: `/${name}` })).resolves.toMatchObject({ name });
    await connected.client.call('containers.stop', { id: `/${name}`, timeoutSeconds: 0 });
    expect(await docker('inspect', '-f', '{{.State.Running}}', name)).toBe('false');
    await expect(connected.client.call('containers.top', { id: '/no-such-container-berth' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(connected.client.call('containers.start', { id: '/no-such-container-berth' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers not_found for a container that does not exist', async () => {
    await expect(connected.client.call('containers.start', { id: 'no-such-container-berth' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('patches the list from engine events: run, stop and remove by the CLI each arrive as one item', async () => {
    const events = recordEvents(connected.client);
    try {
      const name = await containers.run('events', testImage(), 'sleep', '300');
      const isFor = (state: string | null) => (event: { type: string }) =>
        event.type === 'container' && ((event as ContainerChangedEvent).container?.name ?? null) === (state === null ? null : name) &&
        (state === null || (event as ContainerChangedEvent).container?.state === state);

      const started = (await events.waitFor(isFor('running'))).event as ContainerChangedEvent;
      const id = started.containerId;
      await docker('stop', '-t', '0', name);
      await events.waitFor((event) => event.type === 'container' && event.containerId === id && event.container?.state === 'exited');
      await docker('rm', name);
      const removed = await events.waitFor((event) => event.type === 'container' && event.containerId === id && event.container === null);
      expect(removed.event).toMatchObject({ action: 'destroy' });
    } finally {
      events.dispose();
    }
  });

  it('the last change for a container always says its state now (pause, unpause, kill)', async () => {
    const events = recordEvents(connected.client);
    try {
      const name = await containers.run('truth', testImage(), 'sleep', '300');
      const id = await docker('inspect', '-f', '{{.Id}}', name);
      const lastState = () => {
        const mine = events.seen.filter((entry) => entry.event.type === 'container' && entry.event.containerId === id);
        const last = mine.at(-1)?.event;
        return last?.type === 'container' ? (last.container?.state ?? 'gone') : 'none';
      };
      // Each command with the state it leaves and the engine's last event of its burst.
      const commands = [['pause', 'paused', 'pause'], ['unpause', 'running', 'unpause'], ['kill', 'exited', 'die']] as const;
      for (const [command, expected, lastAction] of commands) {
        const seenBefore = events.seen.length;
        const lastPatchAction = () => {
          const patch = events.seen.slice(seenBefore).filter((entry) => entry.event.type === 'container' && entry.event.containerId === id).at(-1)?.event;
          return patch?.type === 'container' ? patch.action : null;
        };
        await docker(command, name);
        // Let the whole burst of engine events arrive (it ends with Berth's patch for the
        // engine's last event); the final patch must match the engine.
        await expect.poll(lastState, { timeout: 5_000 }).toBe(expected);
        await expect.poll(lastPatchAction, { timeout: 5_000 }).toBe(lastAction);
        expect(lastState()).toBe(expected);
        expect(await docker('inspect', '-f', '{{.State.Status}}', name)).toBe(expected);
      }
    } finally {
      events.dispose();
    }
  });
});
