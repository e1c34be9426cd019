// One handler per DesktopApi method. Each call is checked twice before anything
// happens: the sender must be the top frame of our window on our origin
// (sender.ts), and the arguments must have the exact expected shape (validate.ts).
// Writes go only to a path the user picked in a dialog during the same call,
// or, for backups, under the app's own data folder.

import { app, BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { basename, extname, join } from 'node:path';
import {
  backupReasons,
  channels,
  limits,
  type AppInfo,
  type BackupInfo,
  type Cancelled,
  type Failed,
  type InvokeChannel,
  type NamedBytes,
  type OpenFileResult,
  type OpenFilesResult,
  type ReadBackupResult,
  type SaveResult,
  type WriteBackupResult,
} from '../preload/contract';
import { backupIdPattern } from '../preload/backup-policy';
import { listBackups, readBackup, writeBackup } from './backups';
import { describeFileError, readFileLimited, readFilesLimited, withExtension, writeFileAtomic, writeFilesAtomic } from './atomic-files';
import { askOpenPaths, askSavePath } from './files';
import { acknowledgeQuit } from './quit-guard';
import { rememberSaved, savedIdPattern, savedItem } from './saved-items';
import { assertTrustedSender } from './sender';
import { expectArray, expectBytes, expectFileName, expectMatch, expectNoArgs, expectOneArg, expectOneOf, expectRecord, RefusedError } from './validate';

type Handler = (event: IpcMainInvokeEvent, args: readonly unknown[]) => Promise<unknown>;

const cancelled: Cancelled = { status: 'cancelled' };

function failed(message: string): Failed {
  return { status: 'failed', message };
}

function backupsFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

function ownerWindow(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** `{ suggestedName, bytes }` with a safe name and at most `maxBytes`. */
function expectNamedSave(args: readonly unknown[], maxBytes: number): { suggestedName: string; bytes: Uint8Array } {
  const request = expectRecord(expectOneArg(args), ['suggestedName', 'bytes'], 'request');
  return { suggestedName: expectFileName(request.suggestedName, 'suggestedName'), bytes: expectBytes(request.bytes, maxBytes, 'bytes') };
}

/** The pack's files: safe, distinct (on case-insensitive disks too) document names within the size limits. */
function expectPackFiles(args: readonly unknown[]): NamedBytes[] {
  const request = expectRecord(expectOneArg(args), ['files'], 'request');
  const items = expectArray(request.files, limits.packFiles, 'files');
  if (items.length === 0) throw new RefusedError('files is empty');
  const seen = new Set<string>();
  let total = 0;
  const files = items.map((item, index) => {
    const file = expectRecord(item, ['name', 'bytes'], `files[${index}]`);
    const name = expectFileName(file.name, `files[${index}].name`);
    if (!(limits.packExtensions as readonly string[]).includes(extname(name).toLowerCase())) throw new RefusedError(`files[${index}].name is not a document type`);
    if (seen.has(name.toLowerCase())) throw new RefusedError(`files[${index}].name is given twice`);
    seen.add(name.toLowerCase());
    const bytes = expectBytes(file.bytes, limits.workbookBytes, `files[${index}].bytes`);
    total += bytes.byteLength;
    return { name, bytes };
  });
  if (total > limits.packBytes) throw new RefusedError('files are larger than the pack limit');
  return files;
}

/** Save dialog, then an atomic write of `bytes` to the picked path with `extension` forced. */
async function saveWithDialog(event: IpcMainInvokeEvent, options: { title: string; filterName: string; extension: string; suggestedName: string; bytes: Uint8Array }): Promise<SaveResult> {
  const picked = await askSavePath(ownerWindow(event), {
    title: options.title,
    defaultPath: join(app.getPath('documents'), withExtension(options.suggestedName, options.extension)),
    filters: [{ name: options.filterName, extensions: [options.extension.slice(1)] }],
  });
  if (picked === undefined) return cancelled;
  const target = withExtension(picked, options.extension);
  try {
    await writeFileAtomic(target, options.bytes);
  } catch (error) {
    return failed(describeFileError(error, basename(target), 'write'));
  }
  return { status: 'saved', name: basename(target), savedId: rememberSaved({ path: target, kind: 'file' }) };
}

const appInfo: Handler = async (_event, args) => {
  expectNoArgs(args);
  return { name: app.getName(), version: app.getVersion(), runtime: 'desktop', platform: process.platform } satisfies AppInfo;
};

const openImportFiles: Handler = async (event, args): Promise<OpenFilesResult> => {
  expectNoArgs(args);
  const paths = await askOpenPaths(ownerWindow(event), {
    title: 'Import exports',
    filters: [
      { name: 'PSA exports (CSV, Excel)', extensions: ['csv', 'txt', 'tsv', 'xlsx', 'xls'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile', 'multiSelections'],
  });
  if (paths.length === 0) return cancelled;
  if (paths.length > limits.importFiles) return failed(`Pick at most ${limits.importFiles} files at a time.`);
  try {
    return { status: 'opened', files: await readFilesLimited(paths, limits.importFileBytes, limits.importBytes) };
  } catch (error) {
    return failed(describeFileError(error, paths.length === 1 ? basename(paths[0] ?? '') : 'the files', 'read'));
  }
};

const saveWorkbook: Handler = async (event, args) => {
  const request = expectNamedSave(args, limits.workbookBytes);
  return saveWithDialog(event, { title: 'Save workbook', filterName: 'Excel workbook', extension: '.xlsx', ...request });
};

const writeMonthEndPack: Handler = async (event, args): Promise<SaveResult> => {
  const files = expectPackFiles(args);
  const [folder] = await askOpenPaths(ownerWindow(event), { title: 'Choose a folder for the month-end pack', properties: ['openDirectory', 'createDirectory'] });
  if (folder === undefined) return cancelled;
  try {
    await writeFilesAtomic(folder, files);
  } catch (error) {
    return failed(describeFileError(error, `the month-end pack in ${basename(folder)}`, 'write'));
  }
  return { status: 'saved', name: basename(folder), savedId: rememberSaved({ path: folder, kind: 'folder' }) };
};

const showInFolder: Handler = async (_event, args) => {
  const item = savedItem(expectMatch(expectOneArg(args), savedIdPattern, 'savedId'));
  if (!item) return false;
  if (item.kind === 'file') {
    shell.showItemInFolder(item.path);
    return true;
  }
  return (await shell.openPath(item.path)) === '';
};

const writeBackupHandler: Handler = async (_event, args): Promise<WriteBackupResult> => {
  const request = expectRecord(expectOneArg(args), ['bytes', 'reason'], 'request');
  const bytes = expectBytes(request.bytes, limits.databaseBytes, 'bytes');
  const reason = expectOneOf(request.reason, backupReasons, 'reason');
  try {
    return { status: 'written', backup: await writeBackup(backupsFolder(), bytes, reason, new Date()) };
  } catch (error) {
    return failed(describeFileError(error, 'the backup', 'write'));
  }
};

const listBackupsHandler: Handler = async (_event, args): Promise<BackupInfo[]> => {
  expectNoArgs(args);
  return listBackups(backupsFolder());
};

const readBackupHandler: Handler = async (_event, args): Promise<ReadBackupResult> => {
  const id = expectMatch(expectOneArg(args), backupIdPattern, 'id');
  try {
    return await readBackup(backupsFolder(), id);
  } catch (error) {
    return failed(describeFileError(error, 'the backup', 'read'));
  }
};

const exportDatabase: Handler = async (event, args) => {
  const request = expectNamedSave(args, limits.databaseBytes);
  return saveWithDialog(event, { title: 'Export the database', filterName: 'Blockledger database export', extension: '.json.gz', ...request });
};

const importDatabase: Handler = async (event, args): Promise<OpenFileResult> => {
  expectNoArgs(args);
  const [path] = await askOpenPaths(ownerWindow(event), {
    title: 'Import a database export',
    filters: [{ name: 'Blockledger database export', extensions: ['gz'] }],
    properties: ['openFile'],
  });
  if (path === undefined) return cancelled;
  try {
    return { status: 'opened', file: { name: basename(path), bytes: await readFileLimited(path, limits.databaseBytes) } };
  } catch (error) {
    return failed(describeFileError(error, basename(path), 'read'));
  }
};

const quitReady: Handler = async (event, args) => {
  expectNoArgs(args);
  acknowledgeQuit(event.sender);
};

/** Every invoke channel's handler; a channel missing here fails to compile. */
export const ipcHandlers: Record<InvokeChannel, Handler> = {
  [channels.appInfo]: appInfo,
  [channels.openImportFiles]: openImportFiles,
  [channels.saveWorkbook]: saveWorkbook,
  [channels.writeMonthEndPack]: writeMonthEndPack,
  [channels.showInFolder]: showInFolder,
  [channels.writeBackup]: writeBackupHandler,
  [channels.listBackups]: listBackupsHandler,
  [channels.readBackup]: readBackupHandler,
  [channels.exportDatabase]: exportDatabase,
  [channels.importDatabase]: importDatabase,
  [channels.quitReady]: quitReady,
};

/** Registers every handler behind the sender check. */
export function registerIpcHandlers(): void {
  for (const [channel, handler] of Object.entries(ipcHandlers)) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      assertTrustedSender(event);
      return handler(event, args);
    });
  }
}
