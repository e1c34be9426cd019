// A stand-in for the 'electron' module in main-process unit tests:
// vi.mock('electron', () => import('./fake-electron')). Only what main/ uses.

import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  mainFrame: FakeFrame;
  destroyed = false;
  readonly send = vi.fn();

  constructor(url = 'app://blockledger/index.html') {
    this.mainFrame = new FakeFrame(url);
  }

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  /** Fires `name` like Electron would; returns whether a listener called preventDefault. */
  emit(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(name) ?? []) listener(event, ...args);
    return prevented;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow {
  static readonly created: BrowserWindow[] = [];
  static readonly fromWebContents = vi.fn((): BrowserWindow | null => null);
  static readonly getFocusedWindow = vi.fn((): BrowserWindow | null => null);
  static readonly getAllWindows = vi.fn((): BrowserWindow[] => BrowserWindow.created);

  readonly webContents = new FakeWebContents();
  readonly listeners = new Map<string, Listener[]>();
  destroyed = false;
  readonly close = vi.fn(() => {
    if (this.emit('close')) return;
    this.destroyed = true;
  });
  readonly show = vi.fn();
  readonly maximize = vi.fn();

  constructor(public readonly options: Record<string, unknown>) {
    BrowserWindow.created.push(this);
  }

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }

  emit(name: string): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return prevented;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => {
    ipcMain.handlers.set(channel, handler);
  }),
};

export const appPaths: Record<string, string> = {};

export const app = {
  getPath: vi.fn((name: string) => {
    const path = appPaths[name];
    if (path === undefined) throw new Error(`no fake path for ${name}`);
    return path;
  }),
  getName: vi.fn(() => 'Blockledger'),
  getVersion: vi.fn(() => '0.1.0'),
  isPackaged: true,
  commandLine: { appendSwitch: vi.fn() },
  requestSingleInstanceLock: vi.fn(() => true),
  // Never ready: a test of the start-up sees what happens before.
  whenReady: vi.fn(() => new Promise<void>(() => undefined)),
  on: vi.fn(),
  quit: vi.fn(),
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
  showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
};

export const shell = {
  showItemInFolder: vi.fn(),
  openPath: vi.fn(async () => ''),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const session = { defaultSession: {} };

export const screen = { getAllDisplays: vi.fn(() => []) };
