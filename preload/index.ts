import { contextBridge, ipcRenderer } from 'electron';
import { channels, menuCommands, type DesktopApi, type MenuCommand } from './contract';

// One IPC listener per event, installed once: the renderer only ever sees the
// payload through its own callbacks, never an IpcRendererEvent (checklist #20).
const menuListeners = new Set<(command: MenuCommand) => void>();
const quitTasks = new Set<() => Promise<void>>();

ipcRenderer.on(channels.menuCommand, (_event, command: unknown) => {
  if (!menuCommands.includes(command as MenuCommand)) return;
  for (const listener of menuListeners) listener(command as MenuCommand);
});

ipcRenderer.on(channels.beforeQuit, () => {
  // A failing task (say a backup that could not be written) must not keep the app open.
  void Promise.allSettled([...quitTasks].map((task) => task())).then(() => ipcRenderer.invoke(channels.quitReady));
});

const api = {
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
  openImportFiles: () => ipcRenderer.invoke(channels.openImportFiles),
  saveWorkbook: (request) => ipcRenderer.invoke(channels.saveWorkbook, request),
  writeMonthEndPack: (request) => ipcRenderer.invoke(channels.writeMonthEndPack, request),
  showInFolder: (savedId) => ipcRenderer.invoke(channels.showInFolder, savedId),
  writeBackup: (request) => ipcRenderer.invoke(channels.writeBackup, request),
  listBackups: () => ipcRenderer.invoke(channels.listBackups),
  readBackup: (id) => ipcRenderer.invoke(channels.readBackup, id),
  exportDatabase: (request) => ipcRenderer.invoke(channels.exportDatabase, request),
  importDatabase: () => ipcRenderer.invoke(channels.importDatabase),
  onMenuCommand: (listener) => {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
  onBeforeQuit: (task) => {
    quitTasks.add(task);
    return () => quitTasks.delete(task);
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
