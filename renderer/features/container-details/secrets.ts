/**
 * Keys whose values are probably secrets (PASSWORD, TOKEN, SECRET, KEY, ...). Over-matching
 * (MONKEY) only costs a click; under-matching shows a password to whoever looks at the screen.
 */
const secretKeyPattern = /PASS(WORD|WD|PHRASE)?|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE|AUTH|COOKIE|SALT/i;

export function isSecretKey(key: string): boolean {
  return secretKeyPattern.test(key);
}

export interface EnvEntry {
  key: string;
  /** Null for `KEY` without `=`: passed through from the environment that created it. */
  value: string | null;
}

/** `KEY=VALUE` as the engine holds them, split at the first `=` (values may contain more). */
export function parseEnv(env: readonly string[]): EnvEntry[] {
  return env.map((line) => {
    const at = line.indexOf('=');
    return at === -1 ? { key: line, value: null } : { key: line.slice(0, at), value: line.slice(at + 1) };
  });
}

export const maskedText = '••••••••';
