// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { berthStore } from '../../stores/store.js';
import { RunPage } from './RunPage.js';
import { image, renderRun } from './runTesting.js';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function type(name: string, value: string) {
  fireEvent.change(screen.getByLabelText(name), { target: { value } });
}

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('Run page', () => {
  it('has the heading, the sections and the controls by their names', async () => {
    await renderRun(<RunPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Run a container' })).toBeTruthy();
    for (const legend of ['Image', 'Command', 'Environment', 'Ports', 'Mounts', 'Restart policy', 'Resources', 'Network', 'Security', 'Options'])
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    for (const name of ['Name', 'Command', 'Entrypoint', 'Memory', 'Memory reservation', 'Memory + swap', 'CPUs', 'CPU shares', 'CPU set', 'PIDs limit', 'Hostname', 'User', 'Working directory'])
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Image' })).toBeTruthy();
    for (const name of ['Restart policy', 'Network']) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    for (const name of ['Auto-remove', 'Interactive', 'TTY', 'Read-only root filesystem', 'Init', 'Privileged', 'Publish all exposed ports'])
      expect(screen.getByRole('checkbox', { name })).toBeTruthy();
    for (const name of ['Create and start', 'Create only', 'Fill form from command', 'Add variable', 'Add port', 'Add mount', 'Add label'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Paste a docker run command' })).toBeTruthy();
  });

  it("describes each field in the contract's own words where the form has no note of its own", async () => {
    await renderRun(<RunPage />);
    const hostname = screen.getByRole('textbox', { name: 'Hostname' });
    expect(describedText(hostname)).toBe('--hostname: the host name the container sees as its own.');
    expect(document.getElementById(hostname.getAttribute('aria-describedby') ?? '')?.querySelector('code')?.textContent).toBe('--hostname');
    expect(describedText(screen.getByRole('textbox', { name: 'User' }))).toBe('--user NAME|UID[:GROUP|GID].');
    // A note of the form's own wins.
    expect(describedText(screen.getByRole('checkbox', { name: 'Init' }))).not.toContain('--init');
  });

  it('names repeating rows by their number', async () => {
    await renderRun(<RunPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Add port' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add mount' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add label' }));
    for (const name of ['Host IP 1', 'Host port 1', 'Container port 1', 'Mount source 1', 'Mount target 1', 'Environment key 1', 'Environment value 1', 'Label key 1', 'Label value 1'])
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Protocol 1' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Mount type 1' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Read-only 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove port 1' }));
    expect(screen.queryByRole('textbox', { name: 'Host port 1' })).toBeNull();
  });

  it('opens for the image a #/run?image= link names, and says it is on the engine', async () => {
    window.location.hash = '#/run?image=' + encodeURIComponent('registry:5000/team/app:1.2');
    await renderRun(<RunPage />, [image('registry:5000/team/app:1.2')]);
    const field = screen.getByRole<HTMLInputElement>('combobox', { name: 'Image' });
    expect(field.value).toBe('registry:5000/team/app:1.2');
    expect(describedText(field)).toContain('On the engine.');
    type('Image', 'alpine');
    expect(describedText(field)).toContain('Not on the engine yet: it is pulled first');
  });

  it('follows the engine\'s images while open: one pulled elsewhere is "on the engine" at once', async () => {
    await renderRun(<RunPage />, []);
    type('Image', 'alpine:3.20');
    const field = screen.getByRole<HTMLInputElement>('combobox', { name: 'Image' });
    expect(describedText(field)).toContain('Not on the engine yet');
    act(() => berthStore.getState().images.replaceEngine('engine-1', [image('alpine:3.20')]));
    expect(describedText(field)).toContain('On the engine.');
  });

  it('shows a size as bytes, and text that is not a size as a problem of that field', async () => {
    await renderRun(<RunPage />);
    type('Memory', '256m');
    expect(describedText(screen.getByRole('textbox', { name: 'Memory' }))).toContain('268,435,456 bytes (256 MiB)');
    type('Memory', '256x');
    const memory = screen.getByRole('textbox', { name: 'Memory' });
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(memory)).toContain('Memory: must be a size like 512m or 1g');
    // Untouched fields keep quiet until a Run.
    expect(screen.getByRole('combobox', { name: 'Image' }).getAttribute('aria-invalid')).toBeNull();
  });

  it("shows validateRun's warnings beside their fields, ~300 ms after an edit", async () => {
    const { host } = await renderRun(<RunPage />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Privileged' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Network' }), { target: { value: 'host' } });
    expect(host.callsOf('containers.validateRun')).toHaveLength(0); // debounced
    const check = await host.nthCall('containers.validateRun', 0);
    expect(check.params).toMatchObject({ spec: { privileged: true, network: 'host' } });
    await host.answer(check.id, {
      issues: [],
      warnings: [
        { field: 'privileged', message: 'Privileged gives the container every capability and all host devices: root on the host.' },
        { field: 'network', message: "Host networking gives up network isolation: the container sees the host's interfaces." },
      ],
    });
    expect(describedText(screen.getByRole('checkbox', { name: 'Privileged' }))).toContain('Warning: Privileged gives the container every capability');
    expect(describedText(screen.getByRole('combobox', { name: 'Network' }))).toContain('Warning: Host networking gives up network isolation');
  });

  it("puts validateRun's issues beside the fields they name and sends nothing", async () => {
    const { host } = await renderRun(<RunPage />);
    type('Image', 'busybox');
    fireEvent.click(screen.getByRole('button', { name: 'Add port' }));
    type('Host port 1', '8080');
    type('Container port 1', '80');
    fireEvent.click(screen.getByRole('button', { name: 'Create and start' }));
    const check = await host.nthCall('containers.validateRun', 0);
    await host.answer(check.id, {
      issues: [
        { field: 'ports.0.hostPort', message: 'port 8080 is already allocated on the host' },
        { field: 'resources.memoryBytes', message: 'must be at least 6 MiB' },
      ],
      warnings: [],
    });
    const hostPort = screen.getByRole('textbox', { name: 'Host port 1' });
    expect(hostPort.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(hostPort)).toContain('Host port 1: port 8080 is already allocated on the host');
    expect(describedText(screen.getByRole('textbox', { name: 'Memory' }))).toContain('Memory: must be at least 6 MiB');
    expect(screen.getByRole('alert').textContent).toContain('Nothing was sent: 2 problems to fix');
    expect(document.activeElement).toBe(hostPort);
    expect(host.callsOf('images.list')).toHaveLength(0); // the form reads the store; nothing was sent
    expect(host.callsOf('containers.create')).toHaveLength(0);
  });

  it('fills the form from a pasted docker run command', async () => {
    const { host } = await renderRun(<RunPage />);
    type('Paste a docker run command', 'docker run -d --name web -p 8080:80 --privileged -m 256m --cidfile /tmp/id nginx:1.27');
    fireEvent.click(screen.getByRole('button', { name: 'Fill form from command' }));
    const parse = await host.nthCall('containers.parseRunCommand', 0);
    expect(parse.params).toEqual({ command: 'docker run -d --name web -p 8080:80 --privileged -m 256m --cidfile /tmp/id nginx:1.27' });
    await host.answer(parse.id, {
      spec: { image: 'nginx:1.27', name: 'web', ports: [{ hostPort: 8080, containerPort: 80 }], privileged: true, resources: { memoryBytes: 268435456 } },
      warnings: ["--cidfile is ignored: Berth shows the new container's id instead of writing it to a file"],
    });
    const value = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name }).value;
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Image' }).value).toBe('nginx:1.27');
    expect([value('Name'), value('Host port 1'), value('Container port 1'), value('Memory')]).toEqual(['web', '8080', '80', '268435456']);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Privileged' }).checked).toBe(true);
    expect(screen.getByText("--cidfile is ignored: Berth shows the new container's id instead of writing it to a file")).toBeTruthy();
  });

  it('says why a pasted command could not be read, beside the box', async () => {
    const { host } = await renderRun(<RunPage />);
    type('Paste a docker run command', 'docker run --bogus x');
    fireEvent.click(screen.getByRole('button', { name: 'Fill form from command' }));
    const parse = await host.nthCall('containers.parseRunCommand', 0);
    await host.answerError(parse.id, { code: 'invalid_argument', message: 'unknown flag: --bogus', details: { field: 'command' } });
    const box = screen.getByRole('textbox', { name: 'Paste a docker run command' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('unknown flag: --bogus');
  });

  it('imports a .env file into rows and names the lines it skipped', async () => {
    await renderRun(<RunPage />);
    const file = new File(['# app\nDB_HOST=db\nDB_PASS="s3cr#t"\nBROKEN\n'], 'app.env', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Import .env file'), { target: { files: [file] } });
    const report = await screen.findByRole('alert');
    expect(report.textContent).toContain('Imported 2 variables from app.env. 1 line was skipped:');
    expect(within(report).getByText('Line 4: expected KEY=VALUE')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Environment value 2' }).value).toBe('s3cr#t'));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Environment key 1' }).value).toBe('DB_HOST');
  });
});
