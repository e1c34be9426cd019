// Window bounds and maximised state, remembered in a small JSON file in
// userData so the window reopens where the clerk left it.

import type { BrowserWindow, Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from './atomic-files';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** Where a new window goes: the position only when it is known to be on screen. */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const defaultWindowState: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };
const minWidth = 640;
const minHeight = 480;

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A usable state from whatever the file held, or undefined. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return undefined;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rectangle, unknown>>;
  if (!isInteger(x) || !isInteger(y) || !isInteger(width) || !isInteger(height)) return undefined;
  if (width < minWidth || height < minHeight) return undefined;
  return { bounds: { x, y, width, height }, maximized };
}

/** Drops the position when the saved window would not show on any display (a monitor was unplugged). */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowPlacement {
  const { x, y, width, height } = state.bounds;
  // Visible enough means the title bar's top-left area lies on some display.
  const visible = workAreas.some((area) => x + 40 >= area.x && x + 40 < area.x + area.width && y >= area.y && y + 20 < area.y + area.height);
  return visible ? { x, y, width, height, maximized: state.maximized } : { width, height, maximized: state.maximized };
}

/** The saved state, or the default when the file is missing or unreadable. */
export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8'))) ?? defaultWindowState;
  } catch {
    return defaultWindowState;
  }
}

/** Saves the window's normal (unmaximised) bounds and maximised flag when it closes. */
export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileAtomicSync(file, new TextEncoder().encode(JSON.stringify(state)));
    } catch {
      // Losing the window position is not worth blocking the close.
    }
  });
}
