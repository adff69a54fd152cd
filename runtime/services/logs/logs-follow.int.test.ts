import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLinesOf, type Envelope, type LogEvent, type LogMark } from '../../api/index.js';
import { serveRpc } from '../../rpc/dispatcher.js';
import { createPortPair } from '../../rpc/memory-port.js';
import { EngineRelay } from '../../testing/engine-relay.js';
import { dockerTime, FollowRecorder, linesOf, shell } from '../../testing/log-helpers.js';
import { connectBackend, docker, TestContainers, testImage, type Connected } from '../../testing/real-engine.js';

// Following a log on the REAL engine, reached through a relay that shows which connection
// carries which request (and can drop them all, as an engine going away does).

let relay: EngineRelay;
let connected: Connected;
const containers = new TestContainers();

beforeAll(async () => {
  relay = await EngineRelay.start();
  connected = await connectBackend(relay.url);
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
  await relay.stop();
});

const marks = (recorder: FollowRecorder) => recorder.events.filter((event): event is LogMark => event.type === 'mark');
const fullId = (name: string) => docker('inspect', '-f', '{{.Id}}', name);

describe('following a log', () => {
  it('marks the container exiting with its code and starting again, and goes on with the new run: every line once, none lost', async () => {
    const name = await containers.run('restarts', testImage(), 'sh', '-c', 'echo "run $(cat /proc/uptime)"; echo out; echo err >&2; sleep 2; echo bye; exit 3');
    const follow = new FollowRecorder(connected.client, { id: name });
    try {
      await follow.waitFor(() => marks(follow).length === 1, 20_000, 'exited mark');
      expect(marks(follow)[0]).toMatchObject({ kind: 'exited', exitCode: 3 });
      expect(follow.sequence.at(-1)).toBe('[exited]');
      await docker('start', name);
      await follow.waitFor(() => marks(follow).length === 3, 20_000, 'the second exit');
      expect(marks(follow).map((mark) => mark.kind)).toEqual(['exited', 'started', 'exited']);
      expect(marks(follow)[2]).toMatchObject({ exitCode: 3 });
      const runs = follow.sequence.join('\n').split('\n[exited]');
      // The second run's lines come after its start (stdout and stderr in the engine's order).
      const secondRun = runs[1]!.split('\n').filter(Boolean).map((entry) => entry.replace(/^run .*/, 'run'));
      expect([...secondRun].sort()).toEqual(['[started]', 'bye', 'err', 'out', 'run']);
      expect(runs[1]!.trimStart().startsWith('[started]')).toBe(true);
      expect(follow.texts('stdout')).toEqual(linesOf(await shell(`docker logs ${name} 2>/dev/null`)));
      expect(follow.texts('stderr')).toEqual(['err', 'err']);
      expect(follow.ended).toBe(false);
    } finally {
      follow.dispose();
    }
  });

  it('follows a container created and not yet started, and a run too short to see running: started, its lines, exited', async () => {
    const name = containers.name('quick-runs');
    await docker('create', '--name', name, testImage(), 'sh', '-c', 'echo "quick $(cat /proc/uptime)"; exit 4');
    const follow = new FollowRecorder(connected.client, { id: name });
    try {
      await follow.waitFor(() => follow.events.length === 1, 20_000, 'opened');
      await docker('start', name);
      await follow.waitFor(() => marks(follow).length === 2, 20_000, 'the first run');
      await docker('start', name);
      await follow.waitFor(() => marks(follow).length === 4, 20_000, 'the second run');
      expect(follow.sequence.map((entry) => entry.replace(/^quick .*/, 'quick'))).toEqual(['[started]', 'quick', '[exited]', '[started]', 'quick', '[exited]']);
      expect(marks(follow).filter((mark) => mark.kind === 'exited').map((mark) => mark.exitCode)).toEqual([4, 4]);
      expect(follow.texts()).toEqual(linesOf(await shell(`docker logs ${name}`)));
    } finally {
      follow.dispose();
    }
  });

  it('goes on across docker restart of a running container', async () => {
    const name = await containers.run('restart', testImage(), 'sh', '-c', 'trap "exit 0" TERM; echo "up $(cat /proc/uptime)"; while :; do sleep 0.1; done');
    const follow = new FollowRecorder(connected.client, { id: name });
    try {
      await follow.waitFor(() => follow.lines.length === 1, 20_000, 'the first line');
      await docker('restart', '-t', '5', name);
      await follow.waitFor(() => follow.lines.length === 2, 20_000, 'the line of the second run');
      expect(follow.sequence.map((entry) => entry.replace(/^up .*/, 'up'))).toEqual(['up', '[exited]', '[started]', 'up']);
      expect(follow.texts()).toEqual(linesOf(await shell(`docker logs ${name}`)));
    } finally {
      follow.dispose();
    }
  });

  it('keeps a TTY run\'s unterminated last output (a prompt) as its own line across a restart, once', async () => {
    const name = await containers.run('tty-prompt', '-t', testImage(), 'sh', '-c', 'echo "run $(cat /proc/uptime)"; printf "prompt> "; sleep 1');
    const follow = new FollowRecorder(connected.client, { id: name });
    try {
      await follow.waitFor(() => marks(follow).length === 1, 20_000, 'exited mark');
      await docker('start', name);
      await follow.waitFor(() => marks(follow).length === 3, 20_000, 'the second exit');
      expect(follow.sequence.map((entry) => entry.replace(/^run .*/, 'run'))).toEqual(['run', 'prompt> ', '[exited]', '[started]', 'run', 'prompt> ', '[exited]']);
      // docker logs runs the prompt and the next run's first line together: the engine keeps no line end there.
      expect(linesOf(await shell(`docker logs ${name}`))[1]).toMatch(/^prompt> run /);
    } finally {
      follow.dispose();
    }
  });

  it('marks the container removed and ends', async () => {
    const name = await containers.run('removed', testImage(), 'sh', '-c', 'echo here; while :; do sleep 0.1; done');
    const follow = new FollowRecorder(connected.client, { id: name });
    await follow.waitFor(() => follow.lines.length === 1, 20_000, 'the line');
    await docker('rm', '-f', name);
    await follow.waitForEnd(20_000);
    expect(follow.sequence.at(-1)).toBe('[removed]');
    expect(follow.texts()).toEqual(['here']);
  });

  it('ends after the lines there are when not following, its request answered in full', async () => {
    const name = await containers.run('no-follow', testImage(), 'sh', '-c', 'echo one; echo two; while :; do sleep 0.1; done');
    await expect.poll(() => docker('logs', name)).toBe('one\ntwo');
    const read = await new FollowRecorder(connected.client, { id: name, follow: false }).waitForEnd();
    expect(read.texts()).toEqual(['one', 'two']);
    const id = await fullId(name);
    const carrying = relay.allCarrying(`GET /containers/${id}/logs`);
    expect(carrying).toHaveLength(1);
    await expect.poll(() => carrying.every((connection) => connection.closed || connection.answered)).toBe(true);
  });

  it("reads a stopped container's log once, without following, and reads on when it starts again", async () => {
    const name = await containers.run('stopped', testImage(), 'sh', '-c', 'echo "run $(cat /proc/uptime)"; echo done');
    await docker('wait', name);
    const id = await fullId(name);
    const follow = new FollowRecorder(connected.client, { id: name });
    try {
      await follow.waitFor(() => follow.lines.length === 2, 20_000, 'its two lines');
      // That no second request comes can only be seen by waiting a while: catching up would send it at once.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const reads = () => relay.requests.filter((request) => request.includes(`/containers/${id}/logs?`));
      // Its log is whole: one read, and not a second one through the whole log to find nothing after the last line.
      expect(reads()).toHaveLength(1);
      expect(reads()[0]).not.toMatch(/follow=(1|true)/);
      await docker('start', name);
      // The second run's lines can arrive before the mark of its exit: wait for both.
      await follow.waitFor(() => follow.lines.length === 4 && marks(follow).some((mark) => mark.kind === 'exited'), 20_000, 'the second run and its exit');
      expect(marks(follow).map((mark) => mark.kind)).toEqual(['started', 'exited']);
      expect(follow.texts()).toEqual(linesOf(await shell(`docker logs ${name}`)));
      expect(follow.ended).toBe(false);
    } finally {
      follow.dispose();
    }
  });

  it('stops reading the engine while the subscriber does not take what was sent, and reads on when it does', async () => {
    const name = await containers.run('slow-reader', testImage(), 'sh', '-c', 'i=0; while [ $i -lt 200000 ]; do echo "line $i with some more text to make it longer"; i=$((i+1)); done');
    await docker('wait', name);
    // A raw client that acknowledges nothing until told to.
    const [hostPort, clientPort] = createPortPair();
    const rpc = serveRpc(hostPort, connected.backend.handlers, { flowWindow: 4 });
    const envelopes: { events: LogEvent[]; ack?: true }[] = [];
    let ended = false;
    clientPort.onMessage((message) => {
      const envelope = message as Envelope;
      if (envelope.kind === 'event') envelopes.push(envelope as { events: LogEvent[]; ack?: true });
      if (envelope.kind === 'end') ended = true;
    });
    try {
      clientPort.send({ kind: 'subscribe', id: 1, stream: 'logs.follow', params: { id: name, follow: false } });
      await expect.poll(() => envelopes.length, { timeout: 10_000 }).toBeGreaterThan(1);
      // That nothing more comes can only be seen by waiting a while.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = envelopes.flatMap((envelope) => envelope.events).length;
      // The window (4 events of at most about 64 KiB), the events before flow control began, nothing more.
      expect(held).toBeLessThan(12);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(envelopes.flatMap((envelope) => envelope.events).length).toBe(held);
      let acknowledged = 0;
      while (!ended) {
        for (; acknowledged < envelopes.filter((envelope) => envelope.ack).length; acknowledged++) clientPort.send({ kind: 'ack', id: 1 });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const lines = envelopes.flatMap((envelope) => envelope.events).flatMap((event) => (event.type === 'lines' ? logLinesOf(event) : []));
      expect(lines).toHaveLength(200_000);
      expect(lines.at(-1)?.text).toBe('line 199999 with some more text to make it longer');
    } finally {
      rpc.dispose();
    }
  });

  it('with lastLinesFirst, sends the last lines at once when the container exits while the stream is behind, then the lines between: each line once', async () => {
    const name = containers.name('last-first');
    await docker('create', '--name', name, testImage(), 'sh', '-c', 'i=0; while [ $i -lt 60000 ]; do echo "line $i of a flood"; i=$((i+1)); done; echo "the end"');
    // A raw client that holds back its acknowledgements: the follow falls behind, as behind a busy view.
    const [hostPort, clientPort] = createPortPair();
    const rpc = serveRpc(hostPort, connected.backend.handlers, { flowWindow: 4 });
    const events: LogEvent[] = [];
    let envelopesWithAck = 0;
    clientPort.onMessage((message) => {
      const envelope = message as Envelope;
      if (envelope.kind !== 'event') return;
      const sent = envelope as { events: LogEvent[]; ack?: true };
      events.push(...sent.events);
      if (sent.ack) envelopesWithAck++;
    });
    const allLines = () => events.flatMap((event) => (event.type === 'lines' ? logLinesOf(event).map((line) => ({ ...line, ahead: event.ahead === true })) : []));
    try {
      clientPort.send({ kind: 'subscribe', id: 1, stream: 'logs.follow', params: { id: name, follow: true, lastLinesFirst: true } });
      await expect.poll(() => events.some((event) => event.type === 'opened'), { timeout: 10_000 }).toBe(true);
      await docker('start', name);
      await docker('wait', name);
      // The end comes ahead (read a moment after the exit, and again over the next seconds for a line the engine wrote to its log later).
      await expect.poll(() => allLines().some((line) => line.ahead && line.text === 'the end'), { timeout: 6_000 }).toBe(true);
      // (On stdout: dockerd 20.10 now and then loses a container's last stderr line from its log, even for `docker logs`.)
      const inTurnAtAhead = allLines().filter((line) => !line.ahead);
      const ahead = allLines().filter((line) => line.ahead);
      // The end came ahead, while most of the flood had not been sent yet.
      expect(ahead.at(-1)).toMatchObject({ text: 'the end', stream: 'stdout' });
      expect(ahead.length).toBeLessThanOrEqual(200);
      expect(inTurnAtAhead.length).toBeLessThan(30_000);
      let acknowledged = 0;
      while (allLines().length < 60_001) {
        for (; acknowledged < envelopesWithAck; acknowledged++) clientPort.send({ kind: 'ack', id: 1 });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // That no line comes twice can only be seen by waiting a moment for any that would.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const lines = allLines();
      const firstAhead = lines.find((line) => line.ahead)!;
      const inTurn = lines.filter((line) => !line.ahead);
      // The lines between end where those sent ahead begin; together they are the engine's log, each line once.
      expect(inTurn.every((line) => line.seconds < firstAhead.seconds || (line.seconds === firstAhead.seconds && line.nanos < firstAhead.nanos))).toBe(true);
      const byTime = [...lines].sort((a, b) => a.seconds - b.seconds || a.nanos - b.nanos);
      expect(byTime.map((line) => line.text)).toEqual(linesOf(await shell(`docker logs ${name} 2>&1`)));
      expect(byTime.map((line) => `${dockerTime(line)} ${line.text}`)).toEqual(linesOf(await shell(`docker logs -t ${name} 2>&1`)));
    } finally {
      rpc.dispose();
    }
  });

  it('aborts the engine request when unsubscribed: no logs request stays open on the engine', async () => {
    const name = await containers.run('abort', testImage(), 'sh', '-c', 'i=0; while :; do echo "tick $i"; i=$((i+1)); sleep 0.05; done');
    const id = await fullId(name);
    const follow = new FollowRecorder(connected.client, { id: name });
    await follow.waitFor(() => follow.lines.length >= 3, 20_000, 'three lines');
    const carrying = relay.allCarrying(`GET /containers/${id}/logs`);
    expect(carrying.filter((connection) => !connection.closed)).toHaveLength(1);
    follow.dispose();
    await expect.poll(() => carrying.every((connection) => connection.closed), { timeout: 5_000 }).toBe(true);
    // The engine agrees: the container runs on, and its next follower reads from where it likes.
    expect(await docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
  });

  it('marks the engine coming back after it went away, and resumes from the last line: none twice, none lost', async () => {
    const name = await containers.run('reconnect', testImage(), 'sh', '-c', 'i=0; while :; do echo "tick $i"; i=$((i+1)); sleep 0.05; done');
    const id = await fullId(name);
    const follow = new FollowRecorder(connected.client, { id: name, tail: 0 });
    try {
      await follow.waitFor(() => follow.lines.length >= 5, 20_000, 'five lines');
      relay.cut();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      relay.restore();
      await follow.waitFor(() => marks(follow).some((mark) => mark.kind === 'reconnected'), 30_000, 'reconnected mark');
      const atReconnect = follow.lines.length;
      await follow.waitFor(() => follow.lines.length >= atReconnect + 10, 20_000, 'ten more lines');
      follow.dispose();
      expect(follow.sequence.filter((entry) => entry.startsWith('['))).toEqual(['[reconnected]']);
      const texts = follow.texts();
      const ticks = texts.map((text) => Number(text.replace('tick ', '')));
      const first = ticks[0]!;
      expect(ticks).toEqual(ticks.map((_, index) => first + index));
      // Exactly the engine's lines from the first one delivered on.
      const engineLines = linesOf(await shell(`docker logs ${name}`));
      const from = engineLines.indexOf(`tick ${first}`);
      expect(engineLines.slice(from, from + texts.length)).toEqual(texts);
    } finally {
      follow.dispose();
    }
    await expect.poll(() => relay.allCarrying(`GET /containers/${id}/logs`).every((connection) => connection.closed), { timeout: 5_000 }).toBe(true);
  });
});
