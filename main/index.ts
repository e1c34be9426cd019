import { app, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { channels, type AppInfo } from '../preload/contract';
import { createMainWindow } from './window';

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ipcMain.handle(channels.appInfo, (): AppInfo => ({ name: app.getName(), version: app.getVersion() }));
  const window = createMainWindow();
  if (process.env.ELECTRON_RENDERER_URL) await window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else await window.loadFile(join(__dirname, '../renderer/index.html'));
});

app.on('window-all-closed', () => app.quit());
