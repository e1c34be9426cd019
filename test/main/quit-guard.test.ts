import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acknowledgeQuit, guardClose } from '../../main/quit-guard';
import { BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

describe('the quit guard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the close until the renderer finished its quit tasks', () => {
    const window = new BrowserWindow({});
    guardClose(window as never, 30_000);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.webContents.send).toHaveBeenCalledWith('blockledger:before-quit');
    window.close();
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    expect(acknowledgeQuit(window.webContents as never)).toBe(true);
    expect(window.isDestroyed()).toBe(true);
  });

  it('closes anyway when the renderer does not answer in time', () => {
    const window = new BrowserWindow({});
    guardClose(window as never, 30_000);
    window.close();
    vi.advanceTimersByTime(29_999);
    expect(window.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.isDestroyed()).toBe(true);
    expect(acknowledgeQuit(window.webContents as never)).toBe(false);
  });

  it('ignores an acknowledgement nobody waits for', () => {
    const window = new BrowserWindow({});
    guardClose(window as never);
    expect(acknowledgeQuit(window.webContents as never)).toBe(false);
    expect(window.isDestroyed()).toBe(false);
  });
});
