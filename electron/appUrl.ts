/** The app's own origin, app://crm: the only pages allowed to load, navigate or call the backend. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'crm';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
export const UNLOCK_URL = `${APP_SCHEME}://${APP_HOST}/unlock.html`;

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** http(s) only: what a clicked link may open in the system browser. */
export function isWebLink(raw: string): boolean {
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
