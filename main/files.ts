// Native dialogs. The main process writes only where the user pointed a dialog
// during the same call (or under the app's own data folder for backups); the
// writes themselves are in atomic-files.ts.

import { dialog, type BrowserWindow, type FileFilter } from 'electron';

/** Save dialog; the chosen path, or undefined when the user cancelled. */
export async function askSavePath(window: BrowserWindow | null, options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | undefined> {
  const dialogOptions = { ...options, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
  const result = window ? await dialog.showSaveDialog(window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}

/** Open dialog; the chosen paths (files or one folder), empty when the user cancelled. */
export async function askOpenPaths(
  window: BrowserWindow | null,
  options: { title: string; filters?: FileFilter[]; properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[] },
): Promise<string[]> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
