import { spawn } from 'node:child_process';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { BerthClient } from '../runtime/api/index.js';
import { benchLabel, removeNamed } from './bench-containers.js';
import { connectBerth } from './berth-client.js';
import { untilEngineConnected } from './measure-list.js';
import { round, summarize, type Summary } from './stats.js';
import { errorMessage, log } from './support.js';

/**
 * (f) Terminals, through a running web host over its WebSocket:
 * - output: `exec.open` of `head -c SIZE /dev/zero` (no TTY) until its stream ends, against
 *   `docker exec NAME head -c SIZE /dev/zero` spawned with its stdout counted; taking turns.
 * - keystroke echo: one character sent with `terminal.input` to a TTY `cat` until the pty's echo
 *   comes back, against the same over a socket hijacked straight from the engine (no Berth).
 *   Keystrokes start 50 ms apart (20 a second, faster than anyone types): streams send an event
 *   at once after a quiet 16 ms window, and back-to-back keystrokes would measure that window.
 */

export interface TerminalOptions {
  hostUrl: string;
  cliEnv: NodeJS.ProcessEnv;
  docker: Docker;
  image: string;
  outputBytes: number;
  outputRuns: number;
  keystrokes: number;
}

export interface TerminalMeasure {
  outputBytes: number;
  /** exec.open until `end`, every byte received. */
  berthOutput: Summary;
  /** `docker exec ... head -c N /dev/zero`, spawn to exit, every byte read from its stdout. */
  dockerCliOutput: Summary;
  berthOutputMiBPerSecond: number;
  keystrokes: number;
  /** terminal.input of one character until its echo arrives in an output event. */
  berthEcho: Summary;
  /** The same on a raw hijacked exec socket in this process. */
  rawEcho: Summary;
  ratios: { outputBerthOverCliMedian: number; echoBerthOverRawMedian: number };
}

const name = 'bench-terminal';

export async function measureTerminal(options: TerminalOptions): Promise<TerminalMeasure> {
  await removeNamed(options.docker, [name]);
  const container = await options.docker.createContainer({
    name,
    Image: options.image,
    Cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'],
    Labels: { [benchLabel]: '1' },
  });
  await container.start();
  const connection = await connectBerth(options.hostUrl);
  try {
    const { client } = connection;
    await untilEngineConnected(async () => (await client.call('containers.list', { all: true })).length);

    log(`terminal: ${options.outputRuns} x ${options.outputBytes} bytes of output (berth exec.open vs docker exec), 1 warm-up each`);
    const samples = { berth: [] as number[], cli: [] as number[] };
    for (let index = -1; index < options.outputRuns; index++) {
      const order = index % 2 === 0 ? (['berth', 'cli'] as const) : (['cli', 'berth'] as const);
      for (const way of order) {
        const start = performance.now();
        const received = way === 'berth' ? await berthOutput(client, options.outputBytes) : await cliOutput(options.cliEnv, options.outputBytes);
        if (received !== options.outputBytes) throw new Error(`${way} delivered ${received} of ${options.outputBytes} bytes`);
        if (index >= 0) samples[way].push(performance.now() - start);
      }
    }

    log(`terminal: ${options.keystrokes} keystrokes echoed (berth vs raw hijacked socket)`);
    const berthEcho = await echoLatencies(await berthEchoProbe(client), options.keystrokes);
    const rawEcho = await echoLatencies(await rawEchoProbe(options.docker), options.keystrokes);

    const berth = summarize(samples.berth);
    const cli = summarize(samples.cli);
    const echo = summarize(berthEcho);
    const raw = summarize(rawEcho);
    log(`terminal: output berth p50 ${berth.medianMs} ms vs docker exec ${cli.medianMs} ms; echo berth p50 ${echo.medianMs} ms vs raw ${raw.medianMs} ms`);
    return {
      outputBytes: options.outputBytes,
      berthOutput: berth,
      dockerCliOutput: cli,
      berthOutputMiBPerSecond: round(options.outputBytes / 2 ** 20 / (berth.medianMs / 1000), 1),
      keystrokes: options.keystrokes,
      berthEcho: echo,
      rawEcho: raw,
      ratios: { outputBerthOverCliMedian: round(berth.medianMs / cli.medianMs, 3), echoBerthOverRawMedian: round(echo.medianMs / raw.medianMs, 3) },
    };
  } finally {
    connection.dispose();
    await removeNamed(options.docker, [name]).catch((error: unknown) => log(`terminal: removing ${name} failed: ${errorMessage(error)}`));
  }
}

function berthOutput(client: BerthClient, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    const subscription = client.subscribe(
      'exec.open',
      { id: name, tty: false, command: ['head', '-c', String(size), '/dev/zero'] },
      {
        onEvent: (event) => {
          if (event.type === 'output') received += event.data.length;
        },
        onEnd: () => {
          subscription.dispose();
          resolve(received);
        },
        onError: reject,
      },
    );
  });
}

function cliOutput(env: NodeJS.ProcessEnv, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['exec', name, 'head', '-c', String(size), '/dev/zero'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let received = 0;
    child.stdout.on('data', (chunk: Buffer) => (received += chunk.length));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(received) : reject(new Error(`docker exec exited ${String(code)}`))));
  });
}

/** Something to type one character into and to hear its echo from. */
interface EchoProbe {
  type(character: string): void;
  onOutput(listener: (text: string) => void): void;
  close(): void;
}

const keystrokeIntervalMs = 50;

async function echoLatencies(probe: EchoProbe, count: number): Promise<number[]> {
  let seen = '';
  let waiting: (() => void) | null = null;
  probe.onOutput((text) => {
    seen += text;
    waiting?.();
  });
  const samples: number[] = [];
  try {
    for (let index = 0; index < count + 5; index++) {
      const character = String.fromCharCode(97 + (index % 26));
      seen = '';
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no echo within 5 s')), 5_000);
        waiting = () => {
          if (!seen.includes(character)) return;
          clearTimeout(timer);
          waiting = null;
          resolve();
        };
        probe.type(character);
      });
      const elapsed = performance.now() - start;
      if (index >= 5) samples.push(elapsed); // 5 warm-up keystrokes
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, keystrokeIntervalMs - elapsed)));
    }
  } finally {
    probe.close();
  }
  return samples;
}

function berthEchoProbe(client: BerthClient): Promise<EchoProbe> {
  return new Promise((resolve, reject) => {
    const listeners: ((text: string) => void)[] = [];
    let sessionId: string | null = null;
    const subscription = client.subscribe(
      'exec.open',
      { id: name, tty: true, command: ['cat'] },
      {
        onEvent: (terminalEvent) => {
          if (terminalEvent.type === 'opened') {
            sessionId = terminalEvent.sessionId;
            resolve({
              type: (character) => void client.call('terminal.input', { sessionId: sessionId ?? '', data: character }).catch(reject),
              onOutput: (listener) => listeners.push(listener),
              close: () => subscription.dispose(),
            });
          } else if (terminalEvent.type === 'output') {
            const text = Buffer.from(terminalEvent.data).toString('utf8');
            for (const listener of listeners) listener(text);
          }
        },
        onError: reject,
      },
    );
  });
}

async function rawEchoProbe(docker: Docker): Promise<EchoProbe> {
  const exec = await docker.getContainer(name).exec({ Cmd: ['cat'], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true });
  const socket: Duplex = await exec.start({ hijack: true, stdin: true, Tty: true });
  return {
    type: (character) => socket.write(character),
    onOutput: (listener) => socket.on('data', (chunk: Buffer) => listener(chunk.toString('utf8'))),
    close: () => socket.end('\x04'),
  };
}
