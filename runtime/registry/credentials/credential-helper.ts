import { spawn } from 'node:child_process';
import { BerthError } from '../../api/index.js';
import { isRecord } from './docker-config.js';
import { keyOrNull } from './registry-key.js';
import { Secret, type RegistryAccount, type RegistryCredential, type SecretKind } from './secret.js';

/**
 * A docker credential helper, `docker-credential-NAME` on PATH, spoken to by its protocol: the
 * action is the one argument (`get`, `store`, `erase`, `list`), the input goes to stdin (the
 * server URL, or for `store` the JSON `{ServerURL, Username, Secret}`), the answer comes on
 * stdout (JSON for `get` and `list`), and a failure is a non-zero exit with the reason on stdout
 * (`credentials not found in native keychain` when there is no login). `<token>` as the user
 * marks an identity token, as the docker CLI writes it.
 *
 * Run without a shell, with a time limit, and never with the secret on the command line. A
 * failure names the helper, the action and the registry; it repeats the helper's own words only
 * for actions that were sent no secret, and never a line that looks like JSON (a credential).
 */

export type HelperAction = 'get' | 'store' | 'erase' | 'list';

export interface HelperOptions {
  /** The helpers' environment (PATH finds them; HOME, DBUS and GPG variables reach their keyrings). */
  env?: NodeJS.ProcessEnv;
  /** How long one action may take; a helper that may ask the user (a GPG pinentry) needs time. */
  timeoutMs?: number;
}

export const defaultHelperTimeoutMs = 30_000;
const tokenUsername = '<token>';
// A helper's answer is a few hundred bytes; more is a helper gone wrong.
const maxOutputBytes = 1024 * 1024;

export class CredentialHelper {
  readonly program: string;

  /** `origin` says where the helper was named (`credsStore in ~/.docker/config.json`), for messages. */
  constructor(
    readonly name: string,
    private readonly origin: string,
    private readonly options: HelperOptions = {},
  ) {
    this.program = `docker-credential-${name}`;
  }

  /** The login kept for `key`, or null when the helper has none. */
  async get(key: string, signal?: AbortSignal): Promise<RegistryCredential | null> {
    const result = await this.run('get', key, key, signal);
    if (result.notFound) return null;
    const answer = parseJson(result.stdout);
    if (!isRecord(answer) || typeof answer.Username !== 'string' || typeof answer.Secret !== 'string') throw this.badAnswer('get', key);
    if (answer.Secret === '') return null;
    const identityToken = answer.Username === tokenUsername;
    const kind: SecretKind = identityToken ? 'identity-token' : 'password';
    return { registry: key, username: identityToken || answer.Username === '' ? null : answer.Username, kind, secret: new Secret(answer.Secret), store: 'helper', helper: this.name };
  }

  async store(login: { registry: string; username: string | null; kind: SecretKind; secret: Secret }, signal?: AbortSignal): Promise<void> {
    const username = login.kind === 'identity-token' ? tokenUsername : (login.username ?? '');
    const input = JSON.stringify({ ServerURL: login.registry, Username: username, Secret: login.secret.reveal() });
    await this.run('store', input, login.registry, signal);
  }

  /** True when the helper erased a login; false when it had none. */
  async erase(key: string, signal?: AbortSignal): Promise<boolean> {
    const result = await this.run('erase', key, key, signal);
    return !result.notFound;
  }

  /** The registries the helper keeps logins for, with their users (no secrets: `list` gives none). */
  async list(signal?: AbortSignal): Promise<RegistryAccount[]> {
    const result = await this.run('list', '', null, signal);
    if (result.notFound) return [];
    const answer = parseJson(result.stdout);
    if (!isRecord(answer)) throw this.badAnswer('list', null);
    const accounts: RegistryAccount[] = [];
    for (const [serverUrl, username] of Object.entries(answer)) {
      const key = keyOrNull(serverUrl);
      if (key === null || typeof username !== 'string') continue;
      accounts.push({ registry: key, username: username === tokenUsername || username === '' ? null : username, store: 'helper', helper: this.name });
    }
    return accounts;
  }

  private run(action: HelperAction, input: string, registry: string | null, signal?: AbortSignal): Promise<{ stdout: string; notFound: boolean }> {
    const timeoutMs = this.options.timeoutMs ?? defaultHelperTimeoutMs;
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(new BerthError('cancelled', 'The request was cancelled.'));
        return;
      }
      let settled = false;
      const chunks: Buffer[] = [];
      let size = 0;
      const child = spawn(this.program, [action], { env: this.options.env ?? process.env, stdio: ['pipe', 'pipe', 'ignore'], shell: false });
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // Still running on a time-out, an abort or too much output: stop it. Its pipes go with it.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        child.stdout.destroy();
        child.stdin.destroy();
        outcome();
      };
      const timer = setTimeout(() => finish(() => reject(new BerthError('timeout', `${this.program} ${action}${forRegistry(registry)} did not answer within ${formatSeconds(timeoutMs)}; it was stopped (named by ${this.origin}).`, this.details(action, registry)))), timeoutMs);
      const onAbort = () => finish(() => reject(new BerthError('cancelled', 'The request was cancelled.')));
      signal?.addEventListener('abort', onAbort, { once: true });

      child.once('error', (error: NodeJS.ErrnoException) => finish(() => reject(this.spawnFailure(action, registry, error))));
      // A helper that exits without reading its input closes the pipe: that is its answer, not ours to fail on.
      child.stdin.once('error', () => undefined);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxOutputBytes) {
          finish(() => reject(new BerthError('conflict', `${this.program} ${action}${forRegistry(registry)} wrote more than 1 MiB; it was stopped (named by ${this.origin}).`, this.details(action, registry))));
          return;
        }
        chunks.push(chunk);
      });
      child.once('close', (code, killedBy) => {
        const stdout = Buffer.concat(chunks).toString('utf8');
        if (code === 0) {
          finish(() => resolve({ stdout, notFound: false }));
          return;
        }
        // The protocol's "no such login", in the words docker's helpers use.
        if (/credentials not found/i.test(stdout) && action !== 'store') {
          finish(() => resolve({ stdout: '', notFound: true }));
          return;
        }
        finish(() => reject(this.failure(action, registry, code, killedBy, action === 'store' ? null : stdout)));
      });
      child.stdin.end(input);
    });
  }

  private failure(action: HelperAction, registry: string | null, code: number | null, killedBy: NodeJS.Signals | null, output: string | null = null): BerthError {
    const how = code !== null ? `exit code ${code}` : `killed by ${killedBy ?? 'a signal'}`;
    const said = output === null ? (action === 'store' ? '; its output is not shown, as it may repeat the secret' : '') : helperWords(output);
    return new BerthError('conflict', `${this.program} ${action}${forRegistry(registry)} failed (${how})${said} (named by ${this.origin}).`, this.details(action, registry));
  }

  private spawnFailure(action: HelperAction, registry: string | null, error: NodeJS.ErrnoException): BerthError {
    if (error.code === 'ENOENT') return new BerthError('not_found', `${this.program} is not installed: no such program on PATH (named by ${this.origin}).`, this.details(action, registry));
    if (error.code === 'EACCES') return new BerthError('conflict', `${this.program} on PATH cannot be run (not executable) (named by ${this.origin}).`, this.details(action, registry));
    return new BerthError('conflict', `${this.program} ${action}${forRegistry(registry)} could not be started (${error.code ?? 'error'}) (named by ${this.origin}).`, this.details(action, registry));
  }

  private badAnswer(action: HelperAction, registry: string | null): BerthError {
    return new BerthError('conflict', `${this.program} ${action}${forRegistry(registry)} answered something other than the credential helper protocol's JSON (named by ${this.origin}).`, this.details(action, registry));
  }

  private details(action: HelperAction, registry: string | null): Record<string, unknown> {
    return registry === null ? { helper: this.name, action } : { helper: this.name, action, registry };
  }
}

/** The helper's own reason: its first line, when short and not JSON (which could be a credential). */
function helperWords(output: string): string {
  const line = output.trim().split('\n', 1)[0]?.trim() ?? '';
  if (line === '' || line.startsWith('{') || line.startsWith('[') || line.length > 200) return '';
  return `: ${line}`;
}

function forRegistry(registry: string | null): string {
  return registry === null ? '' : ` for ${registry}`;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds >= 1000 ? `${Math.round(milliseconds / 100) / 10} s` : `${milliseconds} ms`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
