import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installAppMenu } from '../../main/menu';
import { BrowserWindow, Menu } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

describe('the app menu', () => {
  it.each([
    ['Import…', 'CmdOrCtrl+O', 'import'],
    ['Export…', 'CmdOrCtrl+E', 'export'],
    ['Find', 'CmdOrCtrl+F', 'find'],
    ['Reload data', 'CmdOrCtrl+Shift+R', 'reload-data'],
  ])('%s has %s and sends the named command %s', (label, accelerator, command) => {
    const send = vi.fn();
    const item = byLabel(buildMenuTemplate({ isMac: false, isPackaged: true, send }), label);
    expect(item.accelerator).toBe(accelerator);
    (item.click as () => void)();
    expect(send).toHaveBeenCalledWith(command);
  });

  it('has Quit on every platform and developer tools only in development', () => {
    for (const isMac of [true, false]) {
      const packaged = items(buildMenuTemplate({ isMac, isPackaged: true, send: vi.fn() }));
      expect(packaged.some((item) => item.role === 'quit')).toBe(true);
      expect(packaged.some((item) => item.role === 'toggleDevTools')).toBe(false);
    }
    expect(items(buildMenuTemplate({ isMac: false, isPackaged: false, send: vi.fn() })).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });

  it('sends commands to the app window on the menu-command channel', () => {
    const window = new BrowserWindow({});
    BrowserWindow.getFocusedWindow.mockReturnValueOnce(window);
    installAppMenu({ isMac: false, isPackaged: true });
    const template = (Menu.buildFromTemplate.mock.calls.at(-1)?.[0] ?? []) as MenuItemConstructorOptions[];
    (byLabel(template, 'Import…').click as () => void)();
    expect(window.webContents.send).toHaveBeenCalledWith('blockledger:menu-command', 'import');
  });
});
