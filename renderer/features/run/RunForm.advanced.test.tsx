// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFlags } from '../../../runtime/api/run-flag-table.js';
import { RunForm } from './RunForm.js';
import { renderRun } from './runTesting.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const advanced = () => screen.getByText(/^Advanced: every other docker run flag/).closest('details') as HTMLDetailsElement;
const textbox = (name: string) => screen.getByRole<HTMLInputElement | HTMLTextAreaElement>('textbox', { name });

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('the Run form\'s Advanced part', () => {
  it('has a place, named by its flag, for every flag of the flag table', async () => {
    await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.click(within(advanced()).getByText(/^Advanced/));
    for (const flag of tableFlags) {
      const role = flag.kind === 'switch' ? 'checkbox' : 'textbox';
      const spelled = flag.withinNetwork ? `--network name=NET,${flag.name}=` : `--${flag.name}`;
      expect(screen.getByRole(role, { name: `${flag.label} (${spelled})` }), flag.name).toBeTruthy();
    }
  });

  it('finds the network driver options by typing driver-opt, named by where they go in --network', async () => {
    await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.click(within(advanced()).getByText(/^Advanced/));
    const search = within(advanced()).getByRole('searchbox', { name: 'Find a flag' });
    fireEvent.change(search, { target: { value: 'driver-opt' } });
    expect(within(advanced()).getAllByRole('textbox').map((box) => box.getAttribute('aria-label') ?? box.id)).toHaveLength(1);
    expect(within(advanced()).getByRole('textbox', { name: 'Network driver options (--network name=NET,driver-opt=)' })).toBeTruthy();
  });

  it('finds a flag by its name, an alias or its words', async () => {
    await renderRun(<RunForm initialImage="busybox" />);
    const search = within(advanced()).getByRole('searchbox', { name: 'Find a flag' });
    fireEvent.change(search, { target: { value: '--ulimit' } });
    expect(within(advanced()).getAllByRole('textbox').map((box) => box.getAttribute('id'))).toEqual(['run-limits-ulimits']);
    fireEvent.change(search, { target: { value: 'dns-opt' } });
    expect(within(advanced()).getByRole('textbox', { name: 'DNS options (--dns-option)' })).toBeTruthy();
    fireEvent.change(search, { target: { value: 'health' } });
    expect(within(advanced()).getAllByRole('textbox')).toHaveLength(6);
    fireEvent.change(search, { target: { value: '--frobnicate' } });
    expect(within(advanced()).getByText('No docker run flag is called “--frobnicate”.')).toBeTruthy();
  });

  it('opens by itself and shows every value of a pasted command', async () => {
    const { host } = await renderRun(<RunForm initialImage="" />);
    expect(advanced().open).toBe(false);
    fireEvent.change(screen.getByLabelText('Paste a docker run command'), { target: { value: 'docker run x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fill form from command' }));
    const parse = await host.nthCall('containers.parseRunCommand', 0);
    await host.answer(parse.id, {
      spec: {
        image: 'app',
        healthcheck: { command: 'curl -f localhost || exit 1', interval: '30s', retries: 3 },
        limits: { ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }, { name: 'nproc', soft: 512, hard: 512 }], shmSizeBytes: 268435456, oomKillDisable: true },
        logging: { options: { 'max-size': '10m', 'max-file': '3' } },
        mountFlags: [{ type: 'volume', source: 'data', target: '/data' }],
      },
      warnings: [],
    });
    expect(advanced().open).toBe(true);
    expect(within(advanced()).getByText(/\(8 set\)$/)).toBeTruthy();
    expect(textbox('Health command (--health-cmd)').value).toBe('curl -f localhost || exit 1');
    expect(textbox('Health interval (--health-interval)').value).toBe('30s');
    expect(textbox('Health retries (--health-retries)').value).toBe('3');
    expect(textbox('Ulimits (--ulimit)').value).toBe('nofile=1024:2048\nnproc=512');
    expect(textbox('Shared memory size (--shm-size)').value).toBe('256m');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Disable OOM killer (--oom-kill-disable)' }).checked).toBe(true);
    expect(textbox('Log options (--log-opt)').value).toBe('max-size=10m\nmax-file=3');
    expect(textbox('Mounts (--mount)').value).toBe('type=volume,source=data,target=/data');
  });

  it('sends what is typed as the RunSpec, and names a value that is none, with its line', async () => {
    const { host } = await renderRun(<RunForm initialImage="busybox" />);
    fireEvent.click(within(advanced()).getByText(/^Advanced/));
    fireEvent.change(textbox('Ulimits (--ulimit)'), { target: { value: 'nofile=1024:2048\nnproc=abc' } });
    fireEvent.change(textbox('Health interval (--health-interval)'), { target: { value: '5' } });
    const ulimits = textbox('Ulimits (--ulimit)');
    expect(ulimits.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(ulimits)).toContain('Ulimits (--ulimit): line 2: the soft limit "abc" is not a whole number');
    expect(describedText(textbox('Health interval (--health-interval)'))).toContain('time: missing unit in duration "5"');

    fireEvent.change(ulimits, { target: { value: 'nofile=1024:2048\n\nnproc=64' } });
    fireEvent.change(textbox('Health interval (--health-interval)'), { target: { value: '10s' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and start' }));
    const check = await host.nthCall('containers.validateRun', 0);
    expect(check.params).toMatchObject({
      spec: { image: 'busybox', healthcheck: { interval: '10s' }, limits: { ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }, { name: 'nproc', soft: 64, hard: 64 }] } },
    });
    // A problem the backend finds deep in a flag's value is shown at that flag, by line.
    await host.answer(check.id, { issues: [{ field: 'limits.ulimits.1.soft', message: 'must be at most the hard limit' }], warnings: [{ field: 'security.options.0', message: 'seccomp=unconfined: every system call is allowed' }] });
    expect(describedText(ulimits)).toContain('Ulimits (--ulimit): line 2 (soft): must be at most the hard limit');
  });
});
