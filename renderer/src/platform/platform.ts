// What the UI may ask of the machine it runs on. The desktop and the browser
// implement the same interface as the Electron bridge, so features never know
// (or care) which one they got.

export type { DesktopApi as Platform } from '../../../preload/contract';
export type {
  AppInfo,
  BackupInfo,
  BackupReason,
  MenuCommand,
  MonthEndPackRequest,
  NamedBytes,
  OpenFileResult,
  OpenFilesResult,
  ReadBackupResult,
  SaveDatabaseRequest,
  SaveResult,
  SaveWorkbookRequest,
  WriteBackupRequest,
  WriteBackupResult,
} from '../../../preload/contract';
export { limits, menuShortcuts } from '../../../preload/contract';
