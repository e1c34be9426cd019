import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { channels, menuShortcuts, type MenuCommand } from '../preload/contract';

/** The app menu: our commands go to the renderer as named events, the rest are Electron roles. */
export function buildMenuTemplate(options: { isMac: boolean; isPackaged: boolean; send: (command: MenuCommand) => void }): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: menuShortcuts[name],
    click: () => options.send(name),
  });
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [command('Import…', 'import'), command('Export…', 'export'), ...(options.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }])],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' }, command('Find', 'find')],
    },
    {
      label: 'View',
      submenu: [
        command('Reload data', 'reload-data'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Developer tools only in development builds.
        ...(options.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
}

/** Installs the app menu; commands go to the focused app window. */
export function installAppMenu(options: { isMac: boolean; isPackaged: boolean }): void {
  const send = (name: MenuCommand): void => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    target?.webContents.send(channels.menuCommand, name);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ ...options, send })));
}
