import { describe, expect, it } from 'vitest';
import { leavesSurvey, SURVEY_MENU_TEMPLATE, workspaceMenuTemplate } from '../../../electron/menu.ts';

type MenuItemConstructorOptions = ReturnType<typeof workspaceMenuTemplate>[number];

const roles = (template: readonly MenuItemConstructorOptions[]): unknown[] =>
  template.flatMap((item) => [item.role ?? item.label, ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
const key = (k: string, modifiers: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) =>
  ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...modifiers });

describe('the desktop menus', () => {
  it('offer no reload and no developer tools in packaged builds, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const packaged = roles(workspaceMenuTemplate(true, platform));
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('forceReload');
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).toContain('copy');
      expect(roles(workspaceMenuTemplate(false, platform))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('give the client survey editing only', () => {
    expect(roles(SURVEY_MENU_TEMPLATE).filter(Boolean)).toEqual(['editMenu', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });
});

describe('keys that would leave the survey', () => {
  it('catches reload, developer tools, full screen, closing and quitting on Windows, Linux and macOS', () => {
    for (const input of [
      key('F5'), key('r', { control: true }), key('R', { meta: true, shift: true }), key('F12'), key('I', { control: true, shift: true }),
      key('i', { meta: true, alt: true }), key('J', { control: true, shift: true }), key('F11'), key('w', { control: true }), key('q', { meta: true }),
      key('F4', { control: true }),
    ]) expect(leavesSurvey(input), JSON.stringify(input)).toBe(true);
  });

  it('lets the client type, including capitals, digits and Chinese through the input method', () => {
    for (const input of [key('a'), key('R', { shift: true }), key('9'), key('Process'), key('Enter'), key('Tab'), key('c', { control: true }), key('v', { meta: true })])
      expect(leavesSurvey(input), JSON.stringify(input)).toBe(false);
    expect(leavesSurvey({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});
