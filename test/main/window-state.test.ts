import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultWindowState, fitToDisplays, loadWindowState, parseWindowState, rememberWindowState } from '../../main/window-state';
import { BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blockledger-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is remembered on close and read back on the next start', () => {
    const file = join(dir, 'window-state.json');
    const window = new BrowserWindow({});
    Object.assign(window, { getNormalBounds: () => ({ x: 100, y: 50, width: 1400, height: 900 }), isMaximized: () => true });
    rememberWindowState(window as never, file);
    window.emit('close');
    expect(loadWindowState(file)).toEqual({ bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true });
  });

  it('falls back to the default for a missing, broken or hostile file', () => {
    expect(loadWindowState(join(dir, 'missing.json'))).toBe(defaultWindowState);
    writeFileSync(join(dir, 'broken.json'), '{"bounds":');
    expect(loadWindowState(join(dir, 'broken.json'))).toBe(defaultWindowState);
    for (const value of [null, [], { bounds: { x: 0, y: 0, width: 'wide', height: 800 }, maximized: false }, { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, { bounds: { x: 0.5, y: 0, width: 1000, height: 800 }, maximized: false }, { bounds: { x: 0, y: 0, width: 1000, height: 800 } }]) {
      expect(parseWindowState(value)).toBeUndefined();
    }
  });

  it('keeps the position on a connected display and drops it when that display is gone', () => {
    const onScreen = { bounds: { x: 100, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(fitToDisplays(onScreen, [screenArea])).toEqual({ x: 100, y: 100, width: 1200, height: 800, maximized: false });
    const onUnpluggedMonitor = { bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(fitToDisplays(onUnpluggedMonitor, [screenArea])).toEqual({ width: 1200, height: 800, maximized: true });
  });
});
