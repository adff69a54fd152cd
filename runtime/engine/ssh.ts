import { spawn } from 'node:child_process';
import http from 'node:http';
import { Duplex } from 'node:stream';
import type { SshOptions, SshTarget } from './endpoint.js';

/**
 * An engine over ssh, the way the docker CLI reaches one: every connection runs
 * `ssh ... docker system dial-stdio` on the remote host and speaks HTTP through its stdin and
 * stdout. The system's own `ssh` does the work, so the user's ssh config, agent, keys and
 * `known_hosts` apply exactly as for `ssh host`. `BatchMode=yes` means ssh never prompts: an
 * unknown or changed host key, or a login that would need a password, fails with ssh's own
 * words instead of being accepted or asked for. Berth never sees or stores a password.
 */

/** The `ssh` arguments for one connection. The host cannot pass for an option (endpoint.ts refuses a leading `-`). */
export function sshArguments(target: SshTarget, options: SshOptions = {}): string[] {
  return [
    ...(options.configFile ? ['-F', options.configFile] : []),
    '-o',
    'BatchMode=yes',
    ...(target.port === undefined ? [] : ['-p', String(target.port)]),
    '-T',
    '--',
    target.user === undefined ? target.host : `${target.user}@${target.host}`,
    'docker',
    'system',
    'dial-stdio',
  ];
}

/** The last line ssh wrote on stderr, which says why it failed ("Host key verification failed."). */
function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? '';
}

/** One `dial-stdio` process as the socket an HTTP request runs on. */
class DialStdioSocket extends Duplex {
  private stderr = '';

  constructor(target: SshTarget, options: SshOptions) {
    super({ allowHalfOpen: false });
    const child = spawn('ssh', sshArguments(target, options), { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      this.touch();
      if (!this.push(chunk)) child.stdout.pause();
    });
    // The end of ssh's output is the end of the connection only once ssh has said how it went:
    // a refused host key closes stdout before the exit code that explains it arrives.
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => this.destroy(new SshFailure(`ssh could not be started: ${error.message}`)));
    child.on('close', (code) => {
      if (this.destroyed) return;
      if (code === 0 || code === null) {
        this.push(null);
        return;
      }
      const said = lastLine(this.stderr);
      this.destroy(new SshFailure(`ssh to ${target.host} failed${said ? `: ${said}` : ` (exit code ${code})`}`));
    });
    this.child = child;
  }

  private readonly child: ReturnType<typeof spawn>;

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.child.stdin || this.child.stdin.destroyed) return callback(new SshFailure('the ssh connection is closed'));
    this.touch();
    this.child.stdin.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child.stdin?.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.stdin?.destroy();
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    callback(error);
  }

  // What http's client asks of a net.Socket. A pipe to a process has no delay or keep-alive
  // settings; an idle timeout and ref/unref it does have.
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }

  private idleMs = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  /** Emits `timeout` after `ms` without data either way (0 turns it off), as net.Socket does. */
  setTimeout(ms: number, callback?: () => void): this {
    if (callback) this.once('timeout', callback);
    this.idleMs = ms;
    this.touch();
    return this;
  }

  /** Data went one way or the other: the idle clock starts again. */
  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.idleMs <= 0 || this.destroyed) return;
    this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
    this.idleTimer.unref();
  }

  /** A pooled connection waiting for its next request must not keep Berth's process alive (http unrefs it). */
  ref(): this {
    this.child.ref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as { ref?: () => void } | null)?.ref?.();
    return this;
  }
  unref(): this {
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
    return this;
  }
}

/** A failure of ssh itself (not of the engine behind it); its message is ssh's own reason. */
export class SshFailure extends Error {
  override readonly name = 'SshFailure';
  readonly code = 'ESSH';
}

/** One connection: a `dial-stdio` process as a socket. */
export function dialStdio(target: SshTarget, options: SshOptions = {}): Duplex {
  return new DialStdioSocket(target, options);
}

/** An HTTP agent whose connections are `dial-stdio` processes: give it to dockerode as `agent`. */
export function sshAgent(target: SshTarget, options: SshOptions = {}): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 2 });
  agent.createConnection = () => new DialStdioSocket(target, options);
  return agent;
}
