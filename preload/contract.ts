// The one bridge between the renderer and the main process: channel names,
// payload types, limits and the API the preload exposes. Both sides import this
// file; the renderer's web adapter implements the same interface in a browser.

export const channels = {
  appInfo: 'blockledger:app-info',
  openImportFiles: 'blockledger:open-import-files',
  saveWorkbook: 'blockledger:save-workbook',
  writeMonthEndPack: 'blockledger:write-month-end-pack',
  showInFolder: 'blockledger:show-in-folder',
  writeBackup: 'blockledger:write-backup',
  listBackups: 'blockledger:list-backups',
  readBackup: 'blockledger:read-backup',
  exportDatabase: 'blockledger:export-database',
  importDatabase: 'blockledger:import-database',
  quitReady: 'blockledger:quit-ready',
  // Main -> renderer events (webContents.send), never invoked by the renderer.
  menuCommand: 'blockledger:menu-command',
  beforeQuit: 'blockledger:before-quit',
} as const;

/** The invoke channels: exactly one main-process handler each. */
export type InvokeChannel = Exclude<(typeof channels)[keyof typeof channels], typeof channels.menuCommand | typeof channels.beforeQuit>;

const mebibyte = 1024 * 1024;

// Limits the main process enforces; the renderer can check them first to give a
// clerk a clear message instead of a refused call.
export const limits = {
  fileNameChars: 120,
  importFiles: 50,
  importFileBytes: 512 * mebibyte,
  importBytes: 1024 * mebibyte,
  workbookBytes: 512 * mebibyte,
  packFiles: 5000,
  packBytes: 1024 * mebibyte,
  /** Pack files are documents: nothing a double-click would run. */
  packExtensions: ['.xlsx', '.csv', '.pdf', '.txt'],
  databaseBytes: 1024 * mebibyte,
} as const;

// Letters, digits and a few punctuation marks customers' names need; no path
// separators, no control or shell-special characters.
const fileNameChars = /^[\p{L}\p{N} _.,()&'+-]+$/u;
// Names Windows reserves for devices, with or without an extension.
const reservedWindowsName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** Why `name` is not a safe base file name on Windows, macOS and Linux, or undefined when it is. */
export function fileNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > limits.fileNameChars) return `must have 1 to ${limits.fileNameChars} characters`;
  if (!fileNameChars.test(name)) return 'has characters not allowed in a file name';
  if (/^[. ]|[. ]$/.test(name)) return 'may not start or end with a dot or a space';
  if (reservedWindowsName.test(name)) return 'is a name Windows reserves';
  return undefined;
}

/** Menu entries the renderer acts on, with their shortcuts (Electron accelerator syntax). */
export const menuShortcuts = {
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  find: 'CmdOrCtrl+F',
  'reload-data': 'CmdOrCtrl+Shift+R',
} as const;

export type MenuCommand = keyof typeof menuShortcuts;

export const menuCommands = Object.keys(menuShortcuts) as MenuCommand[];

export const backupReasons = ['import', 'quit', 'manual', 'before-restore'] as const;

export type BackupReason = (typeof backupReasons)[number];

export interface AppInfo {
  name: string;
  version: string;
  /** 'desktop' inside Electron, 'web' in a browser (npm run web). */
  runtime: 'desktop' | 'web';
  /** process.platform in Electron ('darwin', 'win32', 'linux'), 'web' in a browser. */
  platform: string;
}

export interface NamedBytes {
  /** A base file name, never a path. */
  name: string;
  bytes: Uint8Array;
}

/** A file the main process wrote; `savedId` lets the renderer ask to reveal it, never to name a path. */
export interface Saved {
  status: 'saved';
  /** Base name of the file or folder written. */
  name: string;
  savedId: string;
}

export interface Cancelled {
  status: 'cancelled';
}

/** The disk refused (full, read-only, locked): nothing was half-written. */
export interface Failed {
  status: 'failed';
  message: string;
}

export type SaveResult = Saved | Cancelled | Failed;

export type OpenFilesResult = { status: 'opened'; files: NamedBytes[] } | Cancelled | Failed;

export type OpenFileResult = { status: 'opened'; file: NamedBytes } | Cancelled | Failed;

export interface SaveWorkbookRequest {
  /** Proposed file name; `.xlsx` is added when missing. */
  suggestedName: string;
  bytes: Uint8Array;
}

export interface MonthEndPackRequest {
  /** The pack's files, written side by side into the folder the user picks. */
  files: NamedBytes[];
}

export interface SaveDatabaseRequest {
  /** Proposed file name; `.json.gz` is added when missing. */
  suggestedName: string;
  bytes: Uint8Array;
}

export interface WriteBackupRequest {
  /** The gzipped database export; the main process adds a SHA-256 checksum. */
  bytes: Uint8Array;
  reason: BackupReason;
}

export interface BackupInfo {
  /** Opaque id (the backup's file name) for readBackup. */
  id: string;
  /** ISO 8601 UTC time the backup was written. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  sha256: string;
}

export type WriteBackupResult = { status: 'written'; backup: BackupInfo } | Failed;

/** `corrupt`: the bytes no longer match the checksum taken when the backup was written. */
export type ReadBackupResult = { status: 'ok'; bytes: Uint8Array; backup: BackupInfo } | { status: 'missing' } | { status: 'corrupt' } | Failed;

/** What `window.desktop` offers the renderer; nothing else crosses the bridge. */
export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
  /** Shows an open dialog for CSV/XLSX exports and returns the picked files' names and bytes. */
  openImportFiles(): Promise<OpenFilesResult>;
  /** Shows a save dialog and writes the workbook atomically where the user chose. */
  saveWorkbook(request: SaveWorkbookRequest): Promise<SaveResult>;
  /** Shows a folder picker and writes every file of the pack into it, all or none. */
  writeMonthEndPack(request: MonthEndPackRequest): Promise<SaveResult>;
  /** Reveals a file or folder written earlier in this session in the OS file manager. */
  showInFolder(savedId: string): Promise<boolean>;
  /** Writes a rotated backup under the app's data folder. */
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  /** Backups under the app's data folder, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Reads a backup back, checking its checksum. */
  readBackup(id: string): Promise<ReadBackupResult>;
  /** Shows a save dialog and writes the whole database export there. */
  exportDatabase(request: SaveDatabaseRequest): Promise<SaveResult>;
  /** Shows an open dialog for a database export and returns its bytes. */
  importDatabase(): Promise<OpenFileResult>;
  /** Calls `listener` with each menu command (Import, Export, Find, Reload data); returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Runs `task` (e.g. the quit backup) before the app quits; the main process waits for it, within a time limit. */
  onBeforeQuit(task: () => Promise<void>): () => void;
}

/** The method names of DesktopApi, for checking the exposed surface equals the contract. */
export const desktopApiMethods = [
  'appInfo',
  'openImportFiles',
  'saveWorkbook',
  'writeMonthEndPack',
  'showInFolder',
  'writeBackup',
  'listBackups',
  'readBackup',
  'exportDatabase',
  'importDatabase',
  'onMenuCommand',
  'onBeforeQuit',
] as const satisfies readonly (keyof DesktopApi)[];

// Compile-time check that desktopApiMethods lists every method of DesktopApi.
const _everyMethodListed: [Exclude<keyof DesktopApi, (typeof desktopApiMethods)[number]>] extends [never] ? true : never = true;
