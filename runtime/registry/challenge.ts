/**
 * `WWW-Authenticate` as RFC 9110 writes it: one or more challenges, each a scheme followed by
 * comma-separated `name=value` parameters (values quoted with backslash escapes, or bare
 * tokens) or by one token68; several challenges may share one header, separated by commas.
 * A registry's are `Basic realm="..."` and `Bearer realm="...",service="...",scope="..."`.
 */

export interface Challenge {
  /** Lower case: `basic`, `bearer`. */
  scheme: string;
  /** Parameter names in lower case; values as given, unquoted. */
  params: Record<string, string>;
}

const tokenChar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  peek(): string {
    return this.text[this.position] ?? '';
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.position++;
  }

  skipSpacesAndCommas(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.position++;
  }

  token(): string {
    const start = this.position;
    while (!this.done && tokenChar.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }

  /** A token68 (`abc123==`): token characters plus `/` and `=` padding. */
  token68(): string {
    const start = this.position;
    while (!this.done && /[A-Za-z0-9\-._~+/]/.test(this.peek())) this.position++;
    while (this.peek() === '=') this.position++;
    return this.text.slice(start, this.position);
  }

  quoted(): string {
    this.position++; // the opening quote
    let value = '';
    while (!this.done) {
      const char = this.peek();
      this.position++;
      if (char === '"') return value;
      if (char === '\\' && !this.done) {
        value += this.peek();
        this.position++;
      } else {
        value += char;
      }
    }
    return value; // an unterminated string ends with the header
  }

  /** Whether a `name=` parameter starts here (rather than the next challenge's scheme). */
  atParameter(): boolean {
    const match = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/.exec(this.text.slice(this.position));
    // `token68==` also ends in `=`; a parameter's `=` is followed by a value, not more `=`.
    return match !== null && this.text[this.position + match[0].length] !== '=';
  }
}

/** Every challenge of one or more header values; never throws (a malformed part is skipped). */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const challenges: Challenge[] = [];
  for (const value of values) {
    const reader = new Reader(value);
    reader.skipSpacesAndCommas();
    while (!reader.done) {
      const scheme = reader.token();
      if (scheme === '') {
        reader.position++; // not a token character: skip it and try again
        reader.skipSpacesAndCommas();
        continue;
      }
      const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
      challenges.push(challenge);
      reader.skipSpaces();
      if (!reader.atParameter()) {
        reader.token68();
        reader.skipSpacesAndCommas();
        continue;
      }
      while (reader.atParameter()) {
        const name = reader.token().toLowerCase();
        reader.skipSpaces();
        reader.position++; // '='
        reader.skipSpaces();
        challenge.params[name] = reader.peek() === '"' ? reader.quoted() : reader.token();
        reader.skipSpacesAndCommas();
      }
    }
  }
  return challenges;
}

export interface BearerChallenge {
  realm: string;
  service?: string;
  /** Space-separated scopes the registry names, e.g. `repository:seed/bb:pull`. */
  scope?: string;
  /** `invalid_token`, `insufficient_scope`: why a token was refused. */
  error?: string;
}

export type RegistryChallenge = { scheme: 'bearer'; bearer: BearerChallenge } | { scheme: 'basic'; realm?: string };

/** The challenge a registry client answers: Bearer with a realm first (it can carry scopes), else Basic. */
export function pickChallenge(challenges: readonly Challenge[]): RegistryChallenge | null {
  const bearer = challenges.find((challenge) => challenge.scheme === 'bearer' && challenge.params.realm !== undefined && challenge.params.realm !== '');
  if (bearer !== undefined) {
    const { realm = '', service, scope, error } = bearer.params;
    return { scheme: 'bearer', bearer: { realm, ...(service === undefined ? {} : { service }), ...(scope === undefined ? {} : { scope }), ...(error === undefined ? {} : { error }) } };
  }
  const basic = challenges.find((challenge) => challenge.scheme === 'basic');
  if (basic !== undefined) return basic.params.realm === undefined ? { scheme: 'basic' } : { scheme: 'basic', realm: basic.params.realm };
  return null;
}
