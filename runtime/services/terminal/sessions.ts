import { randomUUID } from 'node:crypto';
import { BerthError, toDisposable, type Disposable } from '../../api/index.js';

/** What `terminal.input` and `terminal.resize` reach: one open attach or exec. */
export interface TerminalSession {
  /** Input reaches the process; false for an attach to a container started without `-i`. */
  readonly hasStdin: boolean;
  readonly isTty: boolean;
  write(data: string): void;
  resize(cols: number, rows: number, signal?: AbortSignal): Promise<void>;
  setPaused(paused: boolean): void;
}

/**
 * Open terminal sessions by id. Ids are random and only live while their stream does: a
 * stream's teardown removes its session, so nothing outlives its owner.
 */
export class TerminalSessions {
  private readonly sessions = new Map<string, TerminalSession>();

  add(session: TerminalSession): { sessionId: string } & Disposable {
    const sessionId = randomUUID();
    this.sessions.set(sessionId, session);
    const registration = toDisposable(() => this.sessions.delete(sessionId));
    return { sessionId, dispose: () => registration.dispose() };
  }

  input(sessionId: string, data: string): null {
    const session = this.find(sessionId);
    if (!session.hasStdin) {
      throw new BerthError('conflict', 'This process takes no input: the container was started without -i (interactive).', { field: 'data' });
    }
    // Written synchronously, so keystrokes reach the process in the order the calls arrived.
    session.write(data);
    return null;
  }

  async resize(sessionId: string, cols: number, rows: number, signal?: AbortSignal): Promise<null> {
    const session = this.find(sessionId);
    if (!session.isTty) return null; // Without a pseudo-terminal there is no size to set.
    await session.resize(cols, rows, signal);
    return null;
  }

  flow(sessionId: string, paused: boolean): null {
    this.find(sessionId).setPaused(paused);
    return null;
  }

  private find(sessionId: string): TerminalSession {
    const session = this.sessions.get(sessionId);
    if (session === undefined) throw new BerthError('not_found', 'This terminal session has ended.', { field: 'sessionId' });
    return session;
  }
}
