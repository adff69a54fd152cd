/**
 * Pure policy for the Electron shell, kept apart from Electron so it is unit-tested.
 */

/** Only the app's own top frame, loaded from the app's own file, may talk to the backend. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, appUrl: string): boolean {
  if (!frameUrl || !isMainFrame) return false;
  return stripHash(frameUrl) === stripHash(appUrl);
}

/** The window never navigates away from the app (a link in a container label cannot take it over). */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  return stripHash(targetUrl) === stripHash(appUrl);
}

/**
 * Links the user clicks (published ports) open in the system browser, but only plain web
 * URLs: never file:, javascript: or custom schemes.
 */
export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

function stripHash(url: string): string {
  const index = url.indexOf('#');
  return index < 0 ? url : url.slice(0, index);
}
