// An in-memory bridge for tests of features: no dialogs, no disk. Tests queue
// what the "user" picks, then inspect what was saved. It enforces the same
// file-name rules and backup policy as the real bridge.

import { fileNameProblem } from '../../../preload/contract';
import { backupIdFor, backupsToPrune, newestFirst, parseBackupId } from '../../../preload/backup-policy';
import type { AppInfo, BackupInfo, MenuCommand, NamedBytes, Platform, SaveResult } from './platform';
import { sha256Hex } from './sha256';

export interface FakePlatform extends Platform {
  /** Everything written, in order: workbooks, pack files and database exports. */
  readonly saved: { kind: 'workbook' | 'pack' | 'database'; name: string; bytes: Uint8Array }[];
  /** The next open dialog returns these files. */
  queueOpenFiles(files: NamedBytes[]): void;
  /** The next open or save dialog is cancelled. */
  cancelNextDialog(): void;
  /** Acts as if the user chose a menu command. */
  emitMenuCommand(command: MenuCommand): void;
  /** Runs the registered before-quit tasks as the desktop app would on close. */
  runBeforeQuit(): Promise<void>;
}

/** A fresh fake bridge. `now` fixes backup times for deterministic tests. */
export function createFakePlatform(options: { appInfo?: Partial<AppInfo>; now?: () => Date } = {}): FakePlatform {
  const saved: FakePlatform['saved'] = [];
  const pickQueue: NamedBytes[][] = [];
  let cancelNext = false;
  const backups = new Map<string, Uint8Array>();
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const quitTasks = new Set<() => Promise<void>>();
  const now = options.now ?? (() => new Date());

  const takeCancel = (): boolean => {
    const cancelled = cancelNext;
    cancelNext = false;
    return cancelled;
  };
  const save = (kind: FakePlatform['saved'][number]['kind'], name: string, bytes: Uint8Array): SaveResult => {
    const problem = fileNameProblem(name);
    if (problem !== undefined) throw new Error(`file name ${JSON.stringify(name)} ${problem}`);
    if (takeCancel()) return { status: 'cancelled' };
    saved.push({ kind, name, bytes });
    return { status: 'saved', name, savedId: crypto.randomUUID() };
  };
  const listBackups = (): BackupInfo[] => newestFirst([...backups].flatMap(([id, bytes]) => parseBackupId(id, bytes.byteLength) ?? []));

  return {
    saved,
    queueOpenFiles: (files) => pickQueue.push(files),
    cancelNextDialog: () => {
      cancelNext = true;
    },
    emitMenuCommand: (command) => menuListeners.forEach((listener) => listener(command)),
    runBeforeQuit: async () => {
      await Promise.allSettled([...quitTasks].map((task) => task()));
    },
    appInfo: async () => ({ name: 'Blockledger', version: '0.0.0-test', runtime: 'web', platform: 'test', ...options.appInfo }),
    openImportFiles: async () => {
      const files = takeCancel() ? undefined : pickQueue.shift();
      return files ? { status: 'opened', files } : { status: 'cancelled' };
    },
    saveWorkbook: async ({ suggestedName, bytes }) => save('workbook', suggestedName.toLowerCase().endsWith('.xlsx') ? suggestedName : `${suggestedName}.xlsx`, bytes),
    writeMonthEndPack: async ({ files }) => {
      if (takeCancel()) return { status: 'cancelled' };
      for (const file of files) save('pack', file.name, file.bytes);
      return { status: 'saved', name: 'month-end pack', savedId: crypto.randomUUID() };
    },
    showInFolder: async () => true,
    writeBackup: async ({ bytes, reason }) => {
      const id = backupIdFor(now(), reason, await sha256Hex(bytes));
      backups.set(id, bytes);
      for (const pruned of backupsToPrune(listBackups())) backups.delete(pruned.id);
      const backup = parseBackupId(id, bytes.byteLength);
      return backup ? { status: 'written', backup } : { status: 'failed', message: 'bad backup id' };
    },
    listBackups: async () => listBackups(),
    readBackup: async (id) => {
      const bytes = backups.get(id);
      const backup = parseBackupId(id, bytes?.byteLength ?? 0);
      return bytes && backup ? { status: 'ok', bytes, backup } : { status: 'missing' };
    },
    exportDatabase: async ({ suggestedName, bytes }) => save('database', suggestedName.toLowerCase().endsWith('.json.gz') ? suggestedName : `${suggestedName}.json.gz`, bytes),
    importDatabase: async () => {
      const [file] = (takeCancel() ? undefined : pickQueue.shift()) ?? [];
      return file ? { status: 'opened', file } : { status: 'cancelled' };
    },
    onMenuCommand: (listener) => {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    onBeforeQuit: (task) => {
      quitTasks.add(task);
      return () => quitTasks.delete(task);
    },
  };
}
