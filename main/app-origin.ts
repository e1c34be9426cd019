import { app } from 'electron';
import { appEntryUrl, isAppUrl } from './app-protocol';

/** The dev server URL electron-vite gives in `npm run dev`; never honoured in a packaged app. */
export function devServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
}

/** Where the window loads the UI from: app://blockledger/ (or the dev server in development). */
export function startUrl(): string {
  return devServerUrl() ?? appEntryUrl;
}

/** True for a URL of our UI: the app:// origin, or the dev server's exact origin in development. */
export function isOwnUiUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  const dev = devServerUrl();
  if (dev === undefined) return false;
  try {
    return new URL(url).origin === new URL(dev).origin;
  } catch {
    return false;
  }
}
