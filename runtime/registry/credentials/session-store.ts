import type { RegistryAccount, RegistryCredential, Secret, SecretKind } from './secret.js';

/** "This session only": logins kept in the backend's memory, gone when Berth quits. */
export class SessionStore {
  private readonly logins = new Map<string, { username: string | null; kind: SecretKind; secret: Secret }>();

  get(key: string): RegistryCredential | null {
    const login = this.logins.get(key);
    return login === undefined ? null : { registry: key, ...login, store: 'session' };
  }

  list(): RegistryAccount[] {
    return [...this.logins].map(([registry, login]) => ({ registry, username: login.username, store: 'session' }));
  }

  store(login: { registry: string; username: string | null; kind: SecretKind; secret: Secret }): void {
    this.logins.set(login.registry, { username: login.username, kind: login.kind, secret: login.secret });
  }

  erase(key: string): boolean {
    return this.logins.delete(key);
  }
}
