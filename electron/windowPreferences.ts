import { app, type WebPreferences } from 'electron';

/** Every window: isolated, sandboxed, no Node, no webviews, its own minimal preload. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click must not open anything (window.open is refused anyway: hardening.ts); electronegativity AUXCLICK.
    disableBlinkFeatures: 'Auxclick',
    devTools: !app.isPackaged,
  };
}
