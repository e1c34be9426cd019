import { contextBridge, ipcRenderer } from 'electron';
import { channels, type DesktopApi } from './contract';

const api = {
  appInfo: () => ipcRenderer.invoke(channels.appInfo),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
