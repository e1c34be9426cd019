import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, isAppWebContents } from '../../main/window';
import { FakeWebContents, type BrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function makeWindow(maximized = false): BrowserWindow {
  return createMainWindow({ preload: '/app/out/preload/index.js', placement: { x: 10, y: 20, width: 1200, height: 700, maximized } }) as unknown as BrowserWindow;
}

describe('the window factory', () => {
  it('isolates and sandboxes the renderer, with no Node, no webview and no insecure content', () => {
    const window = makeWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('opens where the placement says and stays hidden until ready', () => {
    const window = makeWindow();
    expect(window.options).toMatchObject({ x: 10, y: 20, width: 1200, height: 700, show: false });
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('restores a maximised window', () => {
    const window = makeWindow(true);
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
  });

  it('denies every navigation, frame navigation and webview', () => {
    const contents = makeWindow().webContents;
    expect(contents.emit('will-navigate', { url: 'https://example.com/' })).toBe(true);
    expect(contents.emit('will-navigate', { url: 'app://blockledger/other.html' })).toBe(true);
    expect(contents.emit('will-frame-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window, whatever the URL', () => {
    const contents = makeWindow().webContents;
    for (const url of ['https://example.com', 'file:///C:/Windows/System32/calc.exe', 'smb://host/share', 'app://blockledger/index.html']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('marks its web contents as an app window, and only those', () => {
    expect(isAppWebContents(makeWindow().webContents as never)).toBe(true);
    expect(isAppWebContents(new FakeWebContents() as never)).toBe(false);
  });
});
