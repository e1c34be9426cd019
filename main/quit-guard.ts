// Before a window closes, the renderer gets a chance to finish its quit tasks
// (the quit backup, reliability.md DB-5). The close is held until the renderer
// says it is ready or a time limit passes: a hung page must not keep the app open.

import type { BrowserWindow, WebContents } from 'electron';
import { channels } from '../preload/contract';

const readyCallbacks = new WeakMap<WebContents, () => void>();

/** Long enough to gzip a large database export, short enough that a hung page does not trap the user. */
export const quitTaskLimitMs = 30_000;

/** Holds the window's first close until the renderer's quit tasks are done. */
export function guardClose(window: BrowserWindow, limitMs: number = quitTaskLimitMs): void {
  let released = false;
  let waiting = false;
  window.on('close', (event) => {
    if (released || window.webContents.isDestroyed()) return;
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    const contents = window.webContents;
    const release = (): void => {
      clearTimeout(timer);
      readyCallbacks.delete(contents);
      released = true;
      if (!window.isDestroyed()) window.close();
    };
    const timer = setTimeout(release, limitMs);
    readyCallbacks.set(contents, release);
    contents.send(channels.beforeQuit);
  });
}

/** The renderer finished its quit tasks; true when a close was waiting for it. */
export function acknowledgeQuit(contents: WebContents): boolean {
  const release = readyCallbacks.get(contents);
  if (!release) return false;
  release();
  return true;
}
