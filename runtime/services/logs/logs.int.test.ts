import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../api/index.js';
import { connectBackend, docker, TestContainers, testImage, type Connected } from '../../testing/real-engine.js';
import { FollowRecorder, linesOf, shell } from '../../testing/log-helpers.js';

// logs.follow against the REAL engine: what Berth shows must be the lines `docker logs` prints.

let connected: Connected;
const containers = new TestContainers();

/** Writes to stdout and stderr (UTF-8 included, CRLF, an empty line), then exits. */
const script = [
  'echo first out',
  'echo first err >&2',
  'printf "zwei ü → 😀\\n"',
  'printf "crlf line\\r\\n"',
  'echo',
  'i=0; while [ $i -lt 30 ]; do echo "out $i"; echo "err $i" >&2; i=$((i+1)); done',
  'printf "last without newline"',
].join('; ');

let plain: string;
let tty: string;

async function read(params: Parameters<typeof followOnce>[0]): Promise<FollowRecorder> {
  return followOnce(params);
}

function followOnce(params: { id: string; tail?: number | 'all'; since?: string; until?: string; stdout?: boolean; stderr?: boolean }): Promise<FollowRecorder> {
  return new FollowRecorder(connected.client, { ...params, follow: false }).waitForEnd();
}

/** Every batch holds less than 64 KiB of text before its last line (which may be long itself). */
function expectBatchesBounded(recorded: FollowRecorder): void {
  for (const event of recorded.events) {
    if (event.type !== 'lines') continue;
    const before = event.text.slice(0, -1).reduce((sum, text) => sum + text.length, 0);
    expect(before).toBeLessThan(64 * 1024);
  }
}

async function waitForExit(name: string): Promise<void> {
  await docker('wait', name);
}

beforeAll(async () => {
  connected = await connectBackend();
  plain = await containers.run('plain', testImage(), 'sh', '-c', script);
  tty = await containers.run('tty', '-t', testImage(), 'sh', '-c', script);
  await Promise.all([waitForExit(plain), waitForExit(tty)]);
});

afterAll(async () => {
  await containers.removeAll();
  connected.close();
});

describe('logs.follow reads what docker logs prints', () => {
  it('opens with the name, TTY and driver, then the lines of stdout and of stderr, each as docker logs prints them', async () => {
    const both = await read({ id: plain });
    expect(both.events[0]).toEqual({ type: 'opened', name: plain, tty: false, logDriver: 'json-file' } satisfies LogEvent);
    const stdout = linesOf(await shell(`docker logs ${plain} 2>/dev/null`));
    const stderr = linesOf(await shell(`docker logs ${plain} 2>&1 >/dev/null`));
    expect(both.texts('stdout')).toEqual(stdout);
    expect(both.texts('stderr')).toEqual(stderr);
    expect(stdout).toContain('zwei ü → 😀');
    expect(stdout.at(-1)).toBe('last without newline');
    // Asked apart, each stream alone.
    expect((await read({ id: plain, stderr: false })).lines.map((line) => line.stream)).toEqual(stdout.map(() => 'stdout'));
    expect((await read({ id: plain, stdout: false })).texts()).toEqual(stderr);
  });

  it('gives each line the timestamp docker logs -t prints, in the engine\'s order', async () => {
    const both = await read({ id: plain });
    const withTimes = linesOf(await shell(`docker logs -t ${plain} 2>&1`));
    const ours = both.lines.map((line) => `${line.time} ${line.text}`);
    // The CLI writes stdout and stderr through two pipes: compare as sets per stream and in time order.
    expect([...ours].sort()).toEqual([...withTimes].sort());
    const stdoutWithTimes = linesOf(await shell(`docker logs -t ${plain} 2>/dev/null`));
    expect(both.lines.filter((line) => line.stream === 'stdout').map((line) => `${line.time} ${line.text}`)).toEqual(stdoutWithTimes);
  });

  it('honours tail, since and until as docker logs does', async () => {
    const tail = await read({ id: plain, tail: 5, stderr: false });
    expect(tail.texts()).toEqual(linesOf(await shell(`docker logs --tail 5 ${plain} 2>/dev/null`)));
    expect((await read({ id: plain, tail: 0 })).lines).toEqual([]);

    const times = linesOf(await shell(`docker logs -t ${plain} 2>/dev/null`)).map((line) => line.slice(0, line.indexOf(' ')));
    const middle = times[Math.floor(times.length / 2)]!;
    const later = times[Math.floor((times.length * 3) / 4)]!;
    const since = await read({ id: plain, since: middle, stderr: false });
    expect(since.texts()).toEqual(linesOf(await shell(`docker logs --since ${middle} ${plain} 2>/dev/null`)));
    expect(since.lines[0]?.time).toBe(middle);
    const window = await read({ id: plain, since: middle, until: later, stderr: false });
    expect(window.texts()).toEqual(linesOf(await shell(`docker logs --since ${middle} --until ${later} ${plain} 2>/dev/null`)));
    expect(window.texts().length).toBeGreaterThan(0);
    expect(window.texts().length).toBeLessThan(since.texts().length);
  });

  it('reads a TTY container raw: one stream, CRLF line ends, as docker logs prints it', async () => {
    const read1 = await read({ id: tty });
    expect(read1.events[0]).toMatchObject({ type: 'opened', tty: true });
    expect(read1.texts()).toEqual(linesOf(await shell(`docker logs ${tty}`)));
    expect(read1.lines.every((line) => line.stream === 'stdout')).toBe(true);
    expect(read1.lines.map((line) => `${line.time} ${line.text}`)).toEqual(linesOf(await shell(`docker logs -t ${tty}`)));
    expect((await read({ id: tty, tail: 3 })).texts()).toEqual(linesOf(await shell(`docker logs --tail 3 ${tty}`)));
  });

  it('brings a 100,000-character line through whole, with and without a TTY, among batches of at most about 64 KiB', async () => {
    const long = `sh -c 'echo before; head -c 100000 /dev/zero | tr "\\0" x; echo; echo after'`;
    const names = await Promise.all([containers.run('long', testImage(), 'sh', '-c', long), containers.run('long-tty', '-t', testImage(), 'sh', '-c', long)]);
    await Promise.all(names.map(waitForExit));
    for (const name of names) {
      const recorded = await read({ id: name });
      expect(recorded.texts().map((text) => text.length)).toEqual([6, 100_000, 5]);
      expect(recorded.texts()).toEqual(linesOf(await shell(`docker logs ${name}`)));
      const times = new Set(linesOf(await shell(`docker logs -t ${name}`)).map((line) => line.slice(0, line.indexOf(' '))));
      expect(recorded.lines.every((line) => times.has(line.time))).toBe(true);
      expectBatchesBounded(recorded);
    }
  });

  it('sends many lines in few batches, none much over 64 KiB of text, in the engine\'s order', async () => {
    const name = await containers.run('many', testImage(), 'sh', '-c', 'i=0; while [ $i -lt 20000 ]; do echo "line $i of a log that goes on"; i=$((i+1)); done');
    await waitForExit(name);
    const recorded = await read({ id: name });
    expect(recorded.texts()).toEqual(linesOf(await shell(`docker logs ${name}`)));
    expect(recorded.lines).toHaveLength(20_000);
    expect(recorded.batches).toBeLessThan(40);
    expectBatchesBounded(recorded);
  });

  it('says in one event that a container with log driver none keeps no logs, and ends', async () => {
    const name = await containers.run('none', '--log-driver', 'none', testImage(), 'sh', '-c', 'echo hidden');
    const recorded = await new FollowRecorder(connected.client, { id: name }).waitForEnd();
    expect(recorded.events).toEqual([{ type: 'unreadable', logDriver: 'none', message: expect.stringContaining('"none"') as unknown }]);
  });

  it('reads a remote driver through the engine\'s local cache, and says so in one event when its cache is off', async () => {
    const cached = await containers.run('gelf', '--log-driver', 'gelf', '--log-opt', 'gelf-address=udp://127.0.0.1:9', testImage(), 'sh', '-c', 'echo kept');
    const uncached = await containers.run('gelf-off', '--log-driver', 'gelf', '--log-opt', 'gelf-address=udp://127.0.0.1:9', '--log-opt', 'cache-disabled=true', testImage(), 'sh', '-c', 'echo gone');
    await Promise.all([waitForExit(cached), waitForExit(uncached)]);
    const read1 = await read({ id: cached });
    expect(read1.events[0]).toMatchObject({ type: 'opened', logDriver: 'gelf' });
    expect(read1.texts()).toEqual(['kept']);
    const read2 = await new FollowRecorder(connected.client, { id: uncached }).waitForEnd();
    expect(read2.events).toEqual([{ type: 'unreadable', logDriver: 'gelf', message: expect.stringContaining('"gelf"') as unknown }]);
  });

  it('refuses a container that does not exist as not_found', async () => {
    const recorded = new FollowRecorder(connected.client, { id: 'it-no-such-container' });
    await recorded.waitFor(() => recorded.error !== null, 10_000, 'error');
    expect(recorded.error).toMatchObject({ code: 'not_found' });
  });
});
