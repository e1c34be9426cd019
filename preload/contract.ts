// The one bridge between the renderer and the main process: channel names,
// payload types and the API the preload exposes. Both sides import this file.

export const channels = {
  appInfo: 'blockledger:app-info',
} as const;

export interface AppInfo {
  name: string;
  version: string;
}

/** What `window.desktop` offers the renderer; nothing else crosses the bridge. */
export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
}
