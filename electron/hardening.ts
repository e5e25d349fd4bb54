import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl, isWebLink } from './appUrl.ts';

/**
 * Electron security checklist, applied to every web contents the app ever creates:
 * no navigation away from app://, no new windows, no <webview>, no permissions.
 * A web link the user clicks (target=_blank) opens in the system browser instead.
 */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url, disposition }) => {
      const clickedLink = disposition === 'foreground-tab' || disposition === 'background-tab';
      if (clickedLink && isWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Camera, microphone, notifications, geolocation, …: the CRM needs none of them. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}
