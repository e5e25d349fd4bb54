import type { MenuItemConstructorOptions } from 'electron';

const EDIT: MenuItemConstructorOptions = {
  role: 'editMenu',
  submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
};

/**
 * The workspace's menu, instead of Electron's default one: editing (macOS needs the Edit menu for copy and paste in
 * text fields), zoom and full screen, window. Reload and developer tools only in development builds.
 */
export function workspaceMenuTemplate(packaged: boolean, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(packaged ? [] : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
    { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
  ];
  return [
    platform === 'darwin' ? { role: 'appMenu' } : { role: 'fileMenu' },
    EDIT,
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

/**
 * While the client fills in the survey: editing only, so that typing and the input method work, and no accelerator
 * reloads, opens developer tools, closes the window or quits.
 */
export const SURVEY_MENU_TEMPLATE: readonly MenuItemConstructorOptions[] = [EDIT];

/**
 * Keys that would leave or inspect the survey: reload (F5, Ctrl/⌘+R), developer tools (F12, Ctrl+Shift+I/J/C,
 * ⌘+⌥+I/J/C), full screen (F11), closing the window or the app (Ctrl/⌘+W, Ctrl/⌘+Q, Ctrl+F4).
 */
export function leavesSurvey(input: { type: string; key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const command = input.control || input.meta;
  if (key === 'f5' || key === 'f12' || key === 'f11') return true;
  if (command && (key === 'r' || key === 'w' || key === 'q' || key === 'f4')) return true;
  if (command && (input.shift || input.alt) && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}
