import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError, type BerthClient, type StreamParams, type TerminalEvent } from '../../api/index.js';
import { TestContainers, connectBackend, idleCommand, docker, testImage, uniqueName, type Connected } from '../../testing/real-engine.js';

let connected: Connected;
const containers = new TestContainers();

beforeAll(async () => {
  connected = await connectBackend();
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
});

/** One terminal stream as a test reads it: the screen's text so far, the session, how it ended. */
function openTerminal<S extends 'exec.open' | 'containers.attach'>(client: BerthClient, stream: S, params: StreamParams<S>) {
  const decoder = new TextDecoder();
  const state = { bytes: 0, text: '', stderr: '', sessionId: null as string | null, stdin: null as boolean | null, exitCode: undefined as number | null | undefined, ended: false, error: null as BerthError | null };
  const subscription = client.subscribe(stream, params as never, {
    onEvent: (event: unknown) => {
      const terminalEvent = event as TerminalEvent; // Both streams deliver TerminalEvents.
      if (terminalEvent.type === 'opened') {
        state.sessionId = terminalEvent.sessionId;
        state.stdin = terminalEvent.stdin;
      } else if (terminalEvent.type === 'output') {
        state.bytes += terminalEvent.data.length;
        if (state.bytes > 1_000_000) return; // A flood: count it, do not keep it.
        const text = decoder.decode(terminalEvent.data, { stream: true });
        if (terminalEvent.stream === 'stderr') state.stderr += text;
        else state.text += text;
      } else state.exitCode = terminalEvent.exitCode;
    },
    onEnd: () => (state.ended = true),
    onError: (error) => (state.error = error),
  });
  const until = async (what: string, done: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (state.error) throw state.error;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen so far: ${JSON.stringify(state.text)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (state.error) throw state.error;
  };
  return {
    state,
    dispose: () => subscription.dispose(),
    opened: () => until('the session', () => state.sessionId !== null),
    waitForText: (pattern: RegExp) => until(String(pattern), () => pattern.test(state.text)),
    waitForEnd: () => until('the end of the stream', () => state.ended || state.error !== null),
    input: (data: string) => client.call('terminal.input', { sessionId: state.sessionId ?? 'missing-session', data }),
    flow: (paused: boolean) => client.call('terminal.flow', { sessionId: state.sessionId ?? 'missing-session', paused }),
    until,
    resize: (cols: number, rows: number) => client.call('terminal.resize', { sessionId: state.sessionId ?? 'missing-session', cols, rows }),
  };
}

describe('terminals (exec and attach against the real engine)', () => {
  it('opens a shell with a TTY at the asked size, runs what is typed, follows resizes, and reports its exit code', async () => {
    const name = await containers.run('exec', testImage(), ...idleCommand);
    const terminal = openTerminal(connected.client, 'exec.open', { id: name, command: ['sh'], size: { cols: 101, rows: 33 } });
    await terminal.opened();
    expect(terminal.state.stdin).toBe(true);
    // $((6*7)) so the echoed keystrokes never match what only the shell's answer contains.
    await terminal.input('stty size; echo marker-$((6*7))\r');
    await terminal.waitForText(/33 101[\s\S]*marker-42/);
    await terminal.resize(120, 40);
    await terminal.input('stty size\r');
    await terminal.waitForText(/40 120/);
    await terminal.input('exit 3\r');
    await terminal.waitForEnd();
    expect(terminal.state.exitCode).toBe(3);
    expect(terminal.state.error).toBeNull();
    await expect(terminal.input('echo late\r')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('passes Ctrl-P straight through (the engine would hold it as the start of its detach keys)', async () => {
    const name = await containers.run('exec-ctrlp', testImage(), ...idleCommand);
    const terminal = openTerminal(connected.client, 'exec.open', { id: name, command: ['cat'] });
    await terminal.opened();
    await terminal.input('\x10'); // Ctrl-P alone: the pty echoes it as ^P at once, unless held back
    await terminal.waitForText(/\^P/);
    // The engine's default detach sequence, then a letter: still attached, the letter arrives
    // (the pty may take ^Q as flow control and not echo it).
    await terminal.input('\x10\x11x');
    await terminal.waitForText(/\^P\^P(\^Q)?x/);
    expect(terminal.state.ended).toBe(false);
    terminal.dispose();
  });

  it('without a TTY keeps stdout and stderr apart and passes bytes through unchanged', async () => {
    const name = await containers.run('exec-notty', testImage(), ...idleCommand);
    const terminal = openTerminal(connected.client, 'exec.open', {
      id: name,
      tty: false,
      command: ['sh', '-c', 'printf "out \\342\\202\\254\\n"; echo err >&2; exit 5'],
    });
    await terminal.waitForEnd();
    expect(terminal.state.text).toBe('out €\n');
    expect(terminal.state.stderr).toBe('err\n');
    expect(terminal.state.exitCode).toBe(5);
  });

  it('stops reading a flood of output while paused, and delivers all of it once resumed', async () => {
    const name = await containers.run('exec-flow', testImage(), ...idleCommand);
    const total = 20_000_000;
    const terminal = openTerminal(connected.client, 'exec.open', { id: name, tty: false, command: ['sh', '-c', `yes | head -c ${total}`] });
    await terminal.opened();
    await terminal.flow(true);
    // What was read before the pause still crosses (the dispatcher batches for 16 ms): wait
    // until nothing more arrives between two looks 50 ms apart.
    let lastLook = -1;
    const settled = () => {
      const look = terminal.state.bytes;
      const isSettled = look === lastLook;
      lastLook = look;
      return isSettled;
    };
    await expect.poll(settled, { interval: 50, timeout: 5_000, message: 'output kept arriving while paused' }).toBe(true);
    const whilePaused = terminal.state.bytes;
    // Not a wait but what the assertion covers: an absence can only be watched for a while.
    // Unpaused, the rest (megabytes) would arrive within these 700 ms.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(terminal.state.bytes).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(total);
    expect(await docker('top', name)).toContain('yes'); // blocked on its writes, not finished
    await terminal.flow(false);
    await terminal.waitForEnd();
    expect(terminal.state.bytes).toBe(total);
    expect(terminal.state.exitCode).toBe(0);
  });

  it('runs as the asked user in the asked directory with the asked variables', async () => {
    const name = await containers.run('exec-opts', testImage(), ...idleCommand);
    const terminal = openTerminal(connected.client, 'exec.open', {
      id: name,
      tty: false,
      user: '1234',
      workingDir: '/tmp',
      env: ['GREETING=hello there'],
      command: ['sh', '-c', 'echo "$(id -u) $(pwd) $GREETING"'],
    });
    await terminal.waitForEnd();
    expect(terminal.state.text).toBe('1234 /tmp hello there\n');
  });

  it('attaches to an interactive container: replays what it wrote, takes input, and ends with the container', async () => {
    const name = containers.name('attach');
    await docker('run', '-dit', '--name', name, testImage(), 'sh', '-c', 'echo started-$((2+3)); exec sh');
    const terminal = openTerminal(connected.client, 'containers.attach', { id: name, size: { cols: 90, rows: 20 } });
    await terminal.opened();
    expect(terminal.state.stdin).toBe(true);
    await terminal.waitForText(/started-5/); // written before the attach: replayed
    await terminal.input('stty size; echo attached-$((20+1))\r');
    await terminal.waitForText(/20 90[\s\S]*attached-21/);
    await terminal.input('exit 7\r');
    await terminal.waitForEnd();
    expect(terminal.state.exitCode).toBe(7);
    expect(await docker('inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', name)).toBe('false 7');
  });

  it('attaches read-only to a container started without -i, and says so when typed into', async () => {
    const name = await containers.run('attach-ro', testImage(), 'sh', '-c', 'trap "exit 0" TERM; i=0; while :; do i=$((i+1)); echo tick-$i; sleep 0.2; done');
    const terminal = openTerminal(connected.client, 'containers.attach', { id: name, replay: false });
    await terminal.opened();
    expect(terminal.state.stdin).toBe(false);
    await terminal.waitForText(/tick-\d+\n/);
    const refused = await terminal.input('x').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BerthError);
    expect((refused as BerthError).code).toBe('conflict');
    expect((refused as BerthError).message).toContain('without -i');
    terminal.dispose();
    // Closing the view detaches; the container goes on: once Berth has let go of the session,
    // the container writes two more ticks and still runs.
    await expect.poll(() => terminal.input('x').then(() => 'still open', (error: unknown) => (error as BerthError).code)).toBe('not_found');
    const lastTick = (text: string) => Math.max(0, ...[...text.matchAll(/tick-(\d+)/g)].map((match) => Number(match[1])));
    const seenAttached = lastTick(terminal.state.text);
    await expect.poll(async () => lastTick(await docker('logs', name)), { timeout: 5_000 }).toBeGreaterThanOrEqual(seenAttached + 2);
    expect(await docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
  });

  it('closing an exec terminal ends the program reading its input and forgets the session', async () => {
    const name = await containers.run('exec-close', testImage(), ...idleCommand);
    const terminal = openTerminal(connected.client, 'exec.open', { id: name, command: ['sh', '-c', 'echo ready; exec cat'] });
    await terminal.waitForText(/ready/);
    expect(await docker('top', name)).toContain('cat');
    terminal.dispose();
    await expect.poll(() => docker('top', name), { timeout: 5_000 }).not.toContain('cat');
    await expect(terminal.input('x')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a terminal into a stopped container with the engine\'s reason', async () => {
    const name = containers.name('stopped');
    await docker('create', '--name', name, testImage(), 'true');
    const exec = openTerminal(connected.client, 'exec.open', { id: name });
    const failure = (await exec.waitForEnd().catch((error: unknown) => error)) as BerthError;
    expect(failure.code).toBe('conflict');
    expect(failure.message).toContain('is not running');
    const missing = openTerminal(connected.client, 'containers.attach', { id: uniqueName('missing') });
    await expect(missing.waitForEnd()).rejects.toMatchObject({ code: 'not_found' });
  });
});
