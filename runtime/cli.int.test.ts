import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLinesOf, type LogEvent } from './api/index.js';
import { docker, dockerOutputs, testEngineUrl, TestContainers, testImage } from './testing/real-engine.js';
import { BerthCli } from './testing/berth-cli.js';

/**
 * `berth api` as a user runs it from a shell: the built command (bin/berth.js, after
 * `npm run build`), against the real test engine, with the calls the issues write out.
 */
const containers = new TestContainers();

const cli = new BerthCli();
const berth = (...args: string[]) => cli.run(...args);

beforeAll(async () => {
  await cli.setUp();
});

afterAll(async () => {
  await containers.removeAll();
  await cli.tearDown();
});

describe('berth api from a shell', () => {
  it('logs.follow {"id":NAME,"follow":false,"tail":100} prints one JSON event per line, the last 100 lines, and ends', async () => {
    // Every tenth line also goes to stderr. The engine reads and stores the two streams apart, so
    // which lines make the last 100 is the engine's to say (at times no stderr line at all: the
    // stdout copier can lag a whole pipe buffer behind): compare with what docker logs says.
    const script = 'i=0; while [ $i -lt 250 ]; do i=$((i+1)); echo $i; if [ $((i % 10)) -eq 0 ]; then echo err$i >&2; fi; done';
    const name = await containers.run('cli-logs', testImage(), 'sh', '-c', script);
    await docker('wait', name);
    const { stdout, stderr, code } = await berth('api', 'logs.follow', JSON.stringify({ id: name, follow: false, tail: 100 }));
    expect(code, stderr).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LogEvent);
    expect(events[0]).toMatchObject({ type: 'opened', name, tty: false });
    const lines = events.flatMap((event) => (event.type === 'lines' ? logLinesOf(event) : []));
    const expected = await dockerOutputs('logs', '--tail', '100', name);
    const linesOfText = (text: string) => text.split('\n').filter((line) => line !== '');
    expect(lines.filter((line) => line.stream === 'stdout').map((line) => line.text)).toEqual(linesOfText(expected.stdout));
    expect(lines.filter((line) => line.stream === 'stderr').map((line) => line.text)).toEqual(linesOfText(expected.stderr));
    expect(lines).toHaveLength(100);
  });

  it('engines.list and --engine URL containers.list answer as JSON', async () => {
    const listed = await berth('api', 'engines.list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'connected' })]));
    const name = await containers.run('cli-list', testImage(), 'true');
    const { stdout, code, stderr } = await berth('api', '--engine', testEngineUrl(), 'containers.list');
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as { name: string }[]).map((container) => container.name)).toContain(name);
  });

  it('refuses bad params naming the field, with a non-zero exit and nothing on stdout', async () => {
    const { stdout, stderr, code } = await berth('api', 'logs.follow', JSON.stringify({ id: 'web', tail: -1 }));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid_argument');
    expect(stderr).toContain('tail');
  });
});
