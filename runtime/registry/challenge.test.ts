import { describe, expect, it } from 'vitest';
import { parseChallenges, pickChallenge } from './challenge.js';

describe('parseChallenges', () => {
  it('reads a Bearer challenge with quoted parameters, as distribution sends it', () => {
    expect(parseChallenges(['Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"'])).toEqual([
      { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push' } },
    ]);
  });

  it('reads Basic, bare token values, spaces around = and commas, and mixed-case names', () => {
    expect(parseChallenges(['basic Realm = berth , charset="UTF-8"'])).toEqual([{ scheme: 'basic', params: { realm: 'berth', charset: 'UTF-8' } }]);
  });

  it('reads several challenges in one header and across headers', () => {
    const parsed = parseChallenges(['Basic realm="one", Bearer realm="https://t/x",service="s"', 'Negotiate abc123==, Newauth realm="apps", type=1']);
    expect(parsed.map((challenge) => challenge.scheme)).toEqual(['basic', 'bearer', 'negotiate', 'newauth']);
    expect(parsed[1]?.params).toEqual({ realm: 'https://t/x', service: 's' });
    expect(parsed[3]?.params).toEqual({ realm: 'apps', type: '1' });
  });

  it('unescapes backslashes and keeps commas and equals signs inside quotes', () => {
    expect(parseChallenges(['Bearer realm="a\\"b",scope="repository:x:pull,push repository:y=z:pull",error="insufficient_scope"'])[0]?.params).toEqual({
      realm: 'a"b',
      scope: 'repository:x:pull,push repository:y=z:pull',
      error: 'insufficient_scope',
    });
  });

  it('survives malformed input without throwing', () => {
    expect(() => parseChallenges(['', ',,,', '"', 'Bearer realm="unterminated', '=== Basic', 'Bearer ,realm'])).not.toThrow();
    expect(parseChallenges(['Bearer realm="unterminated'])[0]?.params.realm).toBe('unterminated');
  });
});

describe('pickChallenge', () => {
  it('prefers Bearer with a realm over Basic', () => {
    expect(pickChallenge(parseChallenges(['Basic realm="b", Bearer realm="https://t",service="s",scope="x:y:pull"']))).toEqual({
      scheme: 'bearer',
      bearer: { realm: 'https://t', service: 's', scope: 'x:y:pull' },
    });
  });

  it('takes Basic, ignores a Bearer without realm and unknown schemes', () => {
    expect(pickChallenge(parseChallenges(['Bearer service="s", Basic realm="r"']))).toEqual({ scheme: 'basic', realm: 'r' });
    expect(pickChallenge(parseChallenges(['Negotiate abc']))).toBeNull();
    expect(pickChallenge([])).toBeNull();
  });
});
