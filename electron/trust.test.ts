import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isExternalWebLink, isTrustedSender } from './trust.js';

const app = 'file:///opt/berth/dist/renderer/index.html';

describe('Electron trust policy', () => {
  it('trusts only the main frame of the app page', () => {
    expect(isTrustedSender(app + '#/containers', true, app)).toBe(true);
    expect(isTrustedSender(app, false, app)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, app)).toBe(false);
    expect(isTrustedSender(undefined, true, app)).toBe(false);
  });

  it('blocks navigation away from the app', () => {
    expect(isAllowedNavigation(app + '#/images', app)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:8080/', app)).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalWebLink('http://127.0.0.1:8080/')).toBe(true);
    expect(isExternalWebLink('javascript:alert(1)')).toBe(false);
    expect(isExternalWebLink('file:///etc/passwd')).toBe(false);
    expect(isExternalWebLink('not a url')).toBe(false);
  });
});
