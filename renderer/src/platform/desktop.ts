import type { Platform } from './platform';

declare global {
  interface Window {
    /** Set by preload/index.ts inside Electron; absent in a browser. */
    readonly desktop?: Platform;
  }
}

/** The Electron bridge when running in the desktop app. The only reader of window.desktop. */
export function desktopPlatform(): Platform | undefined {
  return window.desktop;
}
