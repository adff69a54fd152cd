// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryEntry, WireError } from '../../../runtime/api/index.js';
import { berthStore } from '../../stores/store.js';
import { engineStatus, settle, type FakeHost } from '../../testing/fakeHost.js';
import { renderWithClient } from '../../testing/renderWithClient.js';
import { RegistriesPage } from './RegistriesPage.js';
import { registryEntry, signInOptions } from './registriesTesting.js';

afterEach(cleanup);

const local = registryEntry();
const company = registryEntry({ registry: 'registry.example.com', url: 'https://registry.example.com', signedInAs: 'alice', credentialStore: 'helper', helper: 'pass', source: 'docker-config' });
const lab = registryEntry({
  registry: '10.0.0.9:5000',
  url: 'http://10.0.0.9:5000',
  insecure: true,
  signedInAs: 'bob',
  credentialStore: 'session',
  warning: 'Plain HTTP to 10.0.0.9:5000: anyone on the network path can read and change what is sent, passwords included.',
});

/** The page on a connected app whose default engine is engine-1 (registries.list goes through it). */
function renderPage(): { host: FakeHost } {
  window.location.hash = '#/registries';
  const rendered = renderWithClient(<RegistriesPage />);
  act(() => {
    const { engine } = berthStore.getState();
    engine.setLink({ state: 'connected' });
    engine.setStatus(engineStatus());
  });
  return rendered;
}

async function reply(host: FakeHost, method: string, result: unknown): Promise<void> {
  const call = host.callsOf(method).at(-1);
  if (!call) throw new Error(`${method} was not called`);
  await act(async () => {
    host.reply(call.id, result);
    await settle();
  });
}

async function refuse(host: FakeHost, method: string, error: WireError): Promise<void> {
  const call = host.callsOf(method).at(-1);
  if (!call) throw new Error(`${method} was not called`);
  await act(async () => {
    host.fail(call.id, error);
    await settle();
  });
}

async function showRegistries(host: FakeHost, ...entries: RegistryEntry[]): Promise<void> {
  await reply(host, 'registries.list', entries);
}

const row = (registry: string) => screen.getByRole('row', { name: registry });
const typeInto = (field: HTMLElement, text: string) => fireEvent.change(field, { target: { value: text } });

describe('Registries list', () => {
  it('shows each registry with its address, who Berth signs in as and where that login is kept, and its warning', async () => {
    const { host } = renderPage();
    expect(screen.getByText('Loading registries…')).toBeTruthy();
    await showRegistries(host, local, company, lab);
    expect(screen.getByRole('heading', { level: 1, name: 'Registries' })).toBeTruthy();
    expect(screen.getByText('3 registries')).toBeTruthy();

    expect(within(row('127.0.0.1:5000')).getByText('anonymous')).toBeTruthy();
    expect(within(row('registry.example.com')).getByText('signed in as alice (docker-credential-pass)')).toBeTruthy();
    expect(within(row('registry.example.com')).getByText('from docker login')).toBeTruthy();
    expect(within(row('10.0.0.9:5000')).getByText('signed in as bob (this session only)')).toBeTruthy();
    expect(within(row('10.0.0.9:5000')).getByRole('note').textContent).toBe(lab.warning);
    expect(within(row('127.0.0.1:5000')).queryByRole('note')).toBeNull();

    // Each row's controls are named by its registry, so a screen reader (or a test) can tell them apart.
    expect(within(row('127.0.0.1:5000')).getByRole('link', { name: 'Browse 127.0.0.1:5000' }).getAttribute('href')).toBe('#/registries/127.0.0.1%3A5000');
    expect(screen.getByRole('button', { name: 'Sign in to 127.0.0.1:5000' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out of registry.example.com' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection to 10.0.0.9:5000' })).toBeTruthy();
    // A login of the docker CLI is not Berth's to forget: no Remove.
    expect(screen.getByRole('button', { name: 'Remove 127.0.0.1:5000' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove registry.example.com' })).toBeNull();
    // No secret field anywhere on the list.
    expect(document.querySelector('input[type="password"]')).toBeNull();
  });

  it('says so when there is no registry yet, and when the list cannot be read', async () => {
    const { host } = renderPage();
    await showRegistries(host);
    expect(screen.getByText(/^No registry yet\./)).toBeTruthy();
    cleanup();

    const second = renderPage();
    await refuse(second.host, 'registries.list', { code: 'internal', message: 'registries.json: not valid JSON; set aside as registries.json.corrupt' });
    expect(screen.getByRole('alert').textContent).toBe('Could not read the registries: registries.json: not valid JSON; set aside as registries.json.corrupt');
    expect(screen.queryByText('Loading registries…')).toBeNull();
  });

  it('Test connection says in the row exactly what the handshake found, and waits while it runs', async () => {
    const { host } = renderPage();
    await showRegistries(host, local, lab);
    const test = screen.getByRole<HTMLButtonElement>('button', { name: 'Test connection to 10.0.0.9:5000' });
    fireEvent.click(test);
    expect(host.callsOf('registries.test').map((call) => call.params)).toEqual([{ registry: '10.0.0.9:5000' }]);
    expect(test.disabled).toBe(true);
    expect(test.textContent).toBe('Testing…');
    await reply(host, 'registries.test', { registry: '10.0.0.9:5000', outcome: 'wrong_credentials', message: 'Wrong credentials for 10.0.0.9:5000: it refused the username and password (UNAUTHORIZED).', signedInAs: null, auth: 'basic' });
    const note = within(row('10.0.0.9:5000')).getByRole('status');
    expect(note.textContent).toBe('Wrong credentials for 10.0.0.9:5000: it refused the username and password (UNAUTHORIZED).');
    expect(note.className).toContain('registry-note-problem');
    expect(test.disabled).toBe(false);
    expect(within(row('127.0.0.1:5000')).queryByRole('status')).toBeNull();
  });

  it('Sign out erases the login and reads the list again; a partial failure is said in the row', async () => {
    const { host } = renderPage();
    await showRegistries(host, company);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out of registry.example.com' }));
    expect(host.callsOf('registries.logout').map((call) => call.params)).toEqual([{ registry: 'registry.example.com' }]);
    await refuse(host, 'registries.logout', { code: 'conflict', message: 'Signed out of registry.example.com where Berth could, but: docker-credential-pass erase failed (exit 1)' });
    expect(within(row('registry.example.com')).getByRole('status').textContent).toContain('docker-credential-pass erase failed');
  });

  it('removes a registry the user added only after asking, with its stored login', async () => {
    const { host } = renderPage();
    await showRegistries(host, local);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 127.0.0.1:5000' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 127.0.0.1:5000?' });
    expect(host.callsOf('registries.remove')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(host.callsOf('registries.remove').map((call) => call.params)).toEqual([{ registry: '127.0.0.1:5000', logout: true }]);
    const lists = host.callsOf('registries.list').length;
    await reply(host, 'registries.remove', null);
    expect(host.callsOf('registries.list').length).toBe(lists + 1);
  });

  it('renders registry text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { host } = renderPage();
    await showRegistries(host, registryEntry({ registry: 'evil.example', url: `https://evil.example/${hostile}`, signedInAs: hostile, credentialStore: 'session', warning: hostile }));
    expect(within(row('evil.example')).getByText(`signed in as ${hostile} (this session only)`)).toBeTruthy();
    expect(within(row('evil.example')).getByRole('note').textContent).toBe(hostile);
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Add registry', () => {
  it('sends the URL and shows the backend refusal next to the field it names, keeping what was typed', async () => {
    const { host } = renderPage();
    await showRegistries(host, local);
    const form = screen.getByRole('form', { name: 'Add registry' });
    const url = within(form).getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    typeInto(url, 'ftp://registry.example.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Add registry' }));
    expect(host.callsOf('registries.add').map((call) => call.params)).toEqual([{ url: 'ftp://registry.example.com', insecure: false }]);
    expect(within(form).getByRole<HTMLButtonElement>('button', { name: 'Adding…' }).disabled).toBe(true);
    await refuse(host, 'registries.add', { code: 'invalid_argument', message: 'url: ftp:// is not a registry scheme (use https://, or http:// for a loopback or insecure host)', details: { field: 'url' } });

    const error = within(form).getByRole('alert');
    expect(error.textContent).toBe('url: ftp:// is not a registry scheme (use https://, or http:// for a loopback or insecure host)');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toContain(error.id);
    expect(url.value).toBe('ftp://registry.example.com');
  });

  it('asks for a URL before sending anything, and warns when insecure is ticked', async () => {
    const { host } = renderPage();
    await showRegistries(host);
    const form = screen.getByRole('form', { name: 'Add registry' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add registry' }));
    expect(within(form).getByRole('alert').textContent).toBe('URL: is required');
    expect(host.callsOf('registries.add')).toEqual([]);

    expect(within(form).queryByRole('note')).toBeNull();
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Insecure/ }));
    expect(within(form).getByRole('note').textContent).toContain('including your password');
  });

  it('a refusal that names no field is said for the whole form; an added registry is announced and the list read again', async () => {
    const { host } = renderPage();
    await showRegistries(host);
    const form = screen.getByRole('form', { name: 'Add registry' });
    const url = within(form).getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    typeInto(url, 'http://10.0.0.9:5000');
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Insecure/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add registry' }));
    expect(host.callsOf('registries.add').at(-1)?.params).toEqual({ url: 'http://10.0.0.9:5000', insecure: true });
    await refuse(host, 'registries.add', { code: 'internal', message: 'registries.json: EACCES: permission denied' });
    expect(within(form).getByRole('alert').textContent).toBe('Could not add the registry: registries.json: EACCES: permission denied');
    expect(url.getAttribute('aria-invalid')).toBe('false');

    fireEvent.click(within(form).getByRole('button', { name: 'Add registry' }));
    const lists = host.callsOf('registries.list').length;
    await reply(host, 'registries.add', lab);
    expect(within(form).getByRole('status').textContent).toBe('Added 10.0.0.9:5000.');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(url.value).toBe('');
    expect(host.callsOf('registries.list').length).toBe(lists + 1);
  });
});

describe('Sign in', () => {
  async function openSignIn(host: FakeHost, entry: RegistryEntry = local): Promise<HTMLElement> {
    await showRegistries(host, entry);
    fireEvent.click(screen.getByRole('button', { name: `Sign in to ${entry.registry}` }));
    expect(host.callsOf('registries.signInOptions').map((call) => call.params)).toEqual([{ registry: entry.registry }]);
    return screen.getByRole('dialog', { name: `Sign in to ${entry.registry}` });
  }

  it('asks where to keep the login only when no helper or keychain decides, with the docker CLI file warning', async () => {
    const { host } = renderPage();
    const dialog = await openSignIn(host);
    // Nothing can be sent before the backend said where the login goes.
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(true);
    await reply(host, 'registries.signInOptions', signInOptions());
    const choice = within(dialog).getByRole('group', { name: 'Keep the credentials' });
    expect(within(choice).getByRole<HTMLInputElement>('radio', { name: /^For this session only/ }).checked).toBe(true);
    expect(within(dialog).queryByText(/stored unencrypted/)).toBeNull();
    fireEvent.click(within(choice).getByRole('radio', { name: /^In the docker CLI's file \(\/home\/user\/\.docker\/config\.json\)/ }));
    expect(within(choice).getByRole('note').textContent).toBe('Your password will be stored unencrypted in /home/user/.docker/config.json.');

    typeInto(within(dialog).getByRole('textbox', { name: 'User name' }), 'berth');
    typeInto(within(dialog).getByLabelText('Password or token'), 'hunter2-secret');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(host.callsOf('registries.login').map((call) => call.params)).toEqual([{ registry: '127.0.0.1:5000', username: 'berth', password: 'hunter2-secret', store: 'docker-config' }]);
  });

  it('does not ask when a credential helper keeps the login, and says which', async () => {
    const { host } = renderPage();
    const dialog = await openSignIn(host);
    await reply(host, 'registries.signInOptions', signInOptions({ store: 'helper', helper: 'pass', choices: [], dockerConfigWarning: '' }));
    expect(within(dialog).queryByRole('group', { name: 'Keep the credentials' })).toBeNull();
    expect(within(dialog).queryByRole('radio')).toBeNull();
    expect(within(dialog).getByText('Kept by the credential helper docker-credential-pass, as the docker CLI does.')).toBeTruthy();
    typeInto(within(dialog).getByRole('textbox', { name: 'User name' }), 'berth');
    typeInto(within(dialog).getByLabelText('Password or token'), 'hunter2-secret');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(host.callsOf('registries.login').map((call) => call.params)).toEqual([{ registry: '127.0.0.1:5000', username: 'berth', password: 'hunter2-secret' }]);
  });

  it('sends the password once, clears it, and shows a wrong-password refusal next to the password field', async () => {
    const { host } = renderPage();
    const dialog = await openSignIn(host);
    await reply(host, 'registries.signInOptions', signInOptions());
    const password = within(dialog).getByLabelText<HTMLInputElement>('Password or token');
    expect(password.type).toBe('password');
    typeInto(within(dialog).getByRole('textbox', { name: 'User name' }), 'berth');
    typeInto(password, 'wrong-secret');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    // A second press while it is on its way sends nothing more.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signing in…' }));
    expect(host.callsOf('registries.login')).toHaveLength(1);
    expect(password.value).toBe('');

    await refuse(host, 'registries.login', { code: 'unauthorized', message: 'Wrong credentials for 127.0.0.1:5000: it refused the username and password (UNAUTHORIZED).', details: { field: 'password' } });
    const refusal = within(dialog).getByRole('alert');
    expect(refusal.textContent).toBe('Wrong credentials for 127.0.0.1:5000: it refused the username and password (UNAUTHORIZED).');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(refusal.id);
    expect(password.value).toBe('');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'User name' }).value).toBe('berth');
    expect(document.body.innerHTML).not.toContain('wrong-secret');

    // Nothing is sent again until a password is typed again.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(host.callsOf('registries.login')).toHaveLength(1);
    expect(within(dialog).getByRole('alert').textContent).toBe('Password or token: is required');

    typeInto(password, 'right-secret');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(host.callsOf('registries.login').map((call) => (call.params as { password: string }).password)).toEqual(['wrong-secret', 'right-secret']);
    // Each password left the renderer in its one login call and in nothing else.
    expect(host.sent.filter((message) => /(wrong|right)-secret/.test(JSON.stringify(message)))).toEqual(host.callsOf('registries.login'));
    const lists = host.callsOf('registries.list').length;
    await reply(host, 'registries.login', registryEntry({ signedInAs: 'berth', credentialStore: 'session' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsOf('registries.list').length).toBe(lists + 1);
    await showRegistries(host, registryEntry({ signedInAs: 'berth', credentialStore: 'session' }));
    expect(within(row('127.0.0.1:5000')).getByText('signed in as berth (this session only)')).toBeTruthy();
    // The app keeps no trace of the secret: not in the page, not in any field.
    expect(document.body.innerHTML).not.toContain('right-secret');
    expect([...document.querySelectorAll('input')].map((input) => input.value)).not.toContain('right-secret');
  });

  it('names the missing field before sending, and says when where-to-keep cannot be read', async () => {
    const { host } = renderPage();
    const dialog = await openSignIn(host);
    await refuse(host, 'registries.signInOptions', { code: 'internal', message: 'docker-credential-pass list: exit status 1' });
    expect(within(dialog).getByRole('alert').textContent).toBe('docker-credential-pass list: exit status 1');
    cleanup();

    const second = renderPage();
    const again = await openSignIn(second.host);
    await reply(second.host, 'registries.signInOptions', signInOptions());
    fireEvent.click(within(again).getByRole('button', { name: 'Sign in' }));
    expect(within(again).getByRole('alert').textContent).toBe('User name: is required');
    expect(within(again).getByRole('textbox', { name: 'User name' }).getAttribute('aria-invalid')).toBe('true');
    expect(second.host.callsOf('registries.login')).toEqual([]);
  });
});
