import { Menu, type BrowserWindow } from 'electron';
import { leavesSurvey, SURVEY_MENU_TEMPLATE } from './menu.ts';

/**
 * Client-facing mode in the desktop shell (issue 14, finding 7): while the backend says the window belongs to the
 * client's survey, the window is a full-screen kiosk, always on top, that cannot be minimised or closed, with a menu
 * that offers no reload and no developer tools; Alt+Tab cannot hand over the desktop because the window covers it
 * and takes the focus back. Everything is restored when the RM's PIN ends the mode.
 */
export function createSurveyKiosk(win: BrowserWindow, workspaceMenu: () => Menu): { apply(clientMode: boolean): void; readonly on: boolean } {
  let on = false;
  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    if (on && leavesSurvey(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (on) contents.closeDevTools();
  });
  win.on('close', (event) => {
    if (on) event.preventDefault();
  });
  win.on('minimize', () => {
    if (on) win.restore();
  });
  win.on('blur', () => {
    if (on) win.focus();
  });
  win.on('leave-full-screen', () => {
    if (on) win.setKiosk(true);
  });

  return {
    get on() {
      return on;
    },
    apply(clientMode) {
      if (clientMode === on || win.isDestroyed()) return;
      on = clientMode;
      Menu.setApplicationMenu(on ? Menu.buildFromTemplate([...SURVEY_MENU_TEMPLATE]) : workspaceMenu());
      win.setMenuBarVisibility(!on);
      win.setMinimizable(!on);
      win.setClosable(!on);
      win.setAlwaysOnTop(on, 'screen-saver');
      win.setKiosk(on);
      if (on) {
        contents.closeDevTools();
        win.focus();
      }
    },
  };
}
