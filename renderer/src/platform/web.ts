// The bridge in a plain browser (npm run web, Playwright): file inputs instead
// of open dialogs, downloads instead of save dialogs, the month-end pack as one
// zip download, backups in IndexedDB. Same interface, same file-name rules.

import { zipSync } from 'fflate';
import { fileNameProblem } from '../../../preload/contract';
import { limits, type MenuCommand, type NamedBytes, type Platform, type SaveResult } from './platform';
import { menuCommandForKey } from './shortcuts';
import { createWebBackups, type WebBackups } from './web-backups';
import { failureText } from '../core/failure-text';

// Injected by vite.web.config.ts; absent (so the fallback applies) elsewhere.
declare const __APP_VERSION__: string | undefined;

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

function checkedName(name: string): string {
  const problem = fileNameProblem(name);
  // The desktop bridge refuses such a name too: a bug in the caller, not user input.
  if (problem !== undefined) throw new Error(`file name ${JSON.stringify(name)} ${problem}`);
  return name;
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/** Lets the user pick files with a hidden file input; empty when they cancel. */
function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const finish = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function readPicked(files: readonly File[], maxEachBytes: number): Promise<NamedBytes[] | string> {
  const tooLarge = files.find((file) => file.size > maxEachBytes);
  if (tooLarge) return `${tooLarge.name} is larger than ${maxEachBytes / (1024 * 1024)} MB, the most Blockledger reads at once.`;
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** Starts a browser download of `bytes` named `name`. */
function download(name: string, bytes: Uint8Array, type: string): SaveResult {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'saved', name, savedId: crypto.randomUUID() };
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The browser implementation of the bridge. */
export function createWebPlatform(backups: WebBackups = createWebBackups()): Platform {
  return {
    appInfo: async () => ({ name: 'Blockledger', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0', runtime: 'web', platform: 'web' }),
    openImportFiles: async () => {
      const picked = await pickFiles('.csv,.txt,.tsv,.xlsx,.xls', true);
      if (picked.length === 0) return { status: 'cancelled' };
      if (picked.length > limits.importFiles) return { status: 'failed', message: `Pick at most ${limits.importFiles} files at a time.` };
      const files = await readPicked(picked, limits.importFileBytes);
      return typeof files === 'string' ? { status: 'failed', message: files } : { status: 'opened', files };
    },
    saveWorkbook: async ({ suggestedName, bytes }) => download(withExtension(checkedName(suggestedName), '.xlsx'), bytes, xlsxType),
    writeMonthEndPack: async ({ files }) => {
      // Browsers cannot write into a folder: the pack arrives as one zip. Stored,
      // not deflated: workbooks are zips already.
      const entries = Object.fromEntries(files.map((file) => [checkedName(file.name), file.bytes] as const));
      return download('Blockledger month-end pack.zip', zipSync(entries, { level: 0 }), 'application/zip');
    },
    // A browser cannot open the downloads folder.
    showInFolder: async () => false,
    writeBackup: async ({ bytes, reason }) => {
      try {
        return { status: 'written', backup: await backups.write(bytes, reason, new Date()) };
      } catch (error) {
        return { status: 'failed', message: `Could not write the backup in the browser's storage (${failureText(error)}).` };
      }
    },
    listBackups: () => backups.list(),
    readBackup: (id) => backups.read(id),
    exportDatabase: async ({ suggestedName, bytes }) => download(withExtension(checkedName(suggestedName), '.json.gz'), bytes, 'application/gzip'),
    importDatabase: async () => {
      const [file] = await pickFiles('.gz', false);
      if (!file) return { status: 'cancelled' };
      const read = await readPicked([file], limits.databaseBytes);
      return typeof read === 'string' ? { status: 'failed', message: read } : { status: 'opened', file: read[0] ?? { name: file.name, bytes: new Uint8Array() } };
    },
    // The desktop menu's shortcuts, caught on the page instead.
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      const onKeyDown = (event: KeyboardEvent): void => {
        const command = menuCommandForKey(event, isMac);
        if (command === undefined) return;
        event.preventDefault();
        listener(command);
      };
      window.addEventListener('keydown', onKeyDown);
      return () => window.removeEventListener('keydown', onKeyDown);
    },
    // A browser tab cannot hold its close for async work; backups after each import cover it.
    onBeforeQuit: () => () => undefined,
  };
}
