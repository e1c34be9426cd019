import { BrowserWindow, type WebContents, type WebPreferences } from 'electron';
import type { WindowPlacement } from './window-state';

// The app's own windows; IPC handlers answer only these (main/ipc.ts).
const appContents = new WeakSet<WebContents>();

/** True when `contents` belongs to a window made by createMainWindow. */
export function isAppWebContents(contents: WebContents): boolean {
  return appContents.has(contents);
}

/** The renderer's privileges: isolated, sandboxed, no Node, no webview (reliability.md SEC-1). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // A file dropped outside a drop zone would otherwise navigate to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** The only way the app makes a window: isolated, sandboxed, no Node, no navigation, no popups. */
export function createMainWindow(options: { preload: string; placement: WindowPlacement }): BrowserWindow {
  const { maximized, ...bounds } = options.placement;
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    title: 'Blockledger',
    show: false,
    webPreferences: secureWebPreferences(options.preload),
  });
  appContents.add(window.webContents);
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // The app is one page: any navigation is an attack or an accident (SEC-4).
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-frame-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return window;
}
