import { app, screen, session } from 'electron';
import { join } from 'node:path';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { startUrl } from './app-origin';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { guardClose } from './quit-guard';
import { tuneRendererV8 } from './renderer-v8';
import { lockDownSession } from './session-security';
import { createMainWindow } from './window';
import { fitToDisplays, loadWindowState, rememberWindowState } from './window-state';

// Two instances would share one profile and one IndexedDB (reliability.md SEC-9).
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  tuneRendererV8(app.commandLine);
  registerAppScheme();
  app.whenReady().then(async () => {
    lockDownSession(session.defaultSession);
    serveAppScheme(join(__dirname, '../renderer'));
    registerIpcHandlers();
    installAppMenu({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged });

    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const placement = fitToDisplays(loadWindowState(stateFile), screen.getAllDisplays().map((display) => display.workArea));
    const window = createMainWindow({ preload: join(__dirname, '../preload/index.js'), placement });
    rememberWindowState(window, stateFile);
    guardClose(window);
    app.on('second-instance', () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    await window.loadURL(startUrl());
  });

  app.on('window-all-closed', () => app.quit());
}
