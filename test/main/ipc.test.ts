import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, limits, type InvokeChannel } from '../../preload/contract';
import { registerIpcHandlers } from '../../main/ipc';
import { RefusedError } from '../../main/validate';
import { guardClose } from '../../main/quit-guard';
import { createMainWindow } from '../../main/window';
import { app, appPaths, BrowserWindow, dialog, FakeFrame, FakeWebContents, ipcMain, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const placement = { width: 1280, height: 800, maximized: false };
let root: string;
let trusted: FakeWebContents;

function trustedEvent(): { sender: FakeWebContents; senderFrame: FakeFrame | null } {
  return { sender: trusted, senderFrame: trusted.mainFrame };
}

function invoke(channel: InvokeChannel, event: { sender: FakeWebContents; senderFrame: FakeFrame | null }, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler(event, ...args));
}

/** Every file under the temporary root (documents, userData, picked folders). */
function filesWritten(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesWritten(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function expectNoSideEffects(): void {
  expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  expect(shell.showItemInFolder).not.toHaveBeenCalled();
  expect(shell.openPath).not.toHaveBeenCalled();
  expect(filesWritten()).toEqual([]);
}

const bytes = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
const someBackupId = `backup-20261122T150511123Z-manual-${'a'.repeat(64)}.json.gz`;

// A well-formed call for every channel: what a forged sender would try.
const validArgs: Record<InvokeChannel, unknown[]> = {
  [channels.appInfo]: [],
  [channels.openImportFiles]: [],
  [channels.saveWorkbook]: [{ suggestedName: 'Acme 2026-10.xlsx', bytes }],
  [channels.writeMonthEndPack]: [{ files: [{ name: 'Acme.xlsx', bytes }] }],
  [channels.showInFolder]: [randomUUID()],
  [channels.writeBackup]: [{ bytes, reason: 'manual' }],
  [channels.listBackups]: [],
  [channels.readBackup]: [someBackupId],
  [channels.exportDatabase]: [{ suggestedName: 'blockledger', bytes }],
  [channels.importDatabase]: [],
  [channels.quitReady]: [],
};

class OversizedBytes extends Uint8Array {
  constructor(private readonly claimed: number) {
    super(1);
  }
  override get byteLength(): number {
    return this.claimed;
  }
}

const badFileNames = ['../evil.xlsx', 'a/b.xlsx', 'a\\b.xlsx', 'C:\\Windows\\x.xlsx', '/etc/passwd', '.hidden.xlsx', 'ends with dot.', 'CON.xlsx', 'lpt1', 'nul\u0000.xlsx', 'tab\there.xlsx', 'x'.repeat(121), '', 'a:b.xlsx', 'a*b.xlsx', 'a?.xlsx', '<a>.xlsx', 'a|b.xlsx', '"a".xlsx'];

function namedSaveMalformed(maxBytes: number): unknown[][] {
  return [
    [],
    [null],
    ['Acme.xlsx'],
    [[{ suggestedName: 'Acme.xlsx', bytes }]],
    [{ suggestedName: 'Acme.xlsx', bytes }, 'extra'],
    [{ suggestedName: 'Acme.xlsx' }],
    [{ bytes }],
    [{ suggestedName: 'Acme.xlsx', bytes, path: '/tmp/elsewhere.xlsx' }],
    [{ suggestedName: 'Acme.xlsx', bytes: 'PK...' }],
    [{ suggestedName: 'Acme.xlsx', bytes: [80, 75] }],
    [{ suggestedName: 'Acme.xlsx', bytes: bytes.buffer }],
    [{ suggestedName: 'Acme.xlsx', bytes: new OversizedBytes(maxBytes + 1) }],
    [{ suggestedName: 42, bytes }],
    [Object.assign(Object.create({ polluted: true }) as object, { suggestedName: 'Acme.xlsx', bytes })],
    [JSON.parse('{"suggestedName":"Acme.xlsx","__proto__":{"x":1}}')],
    ...badFileNames.map((suggestedName) => [{ suggestedName, bytes }]),
  ];
}

const noArgsMalformed: unknown[][] = [[undefined], [1], [{}], ['/etc/passwd']];

const malformedArgs: Record<InvokeChannel, unknown[][]> = {
  [channels.appInfo]: noArgsMalformed,
  [channels.openImportFiles]: [...noArgsMalformed, [{ defaultPath: '/etc' }]],
  [channels.saveWorkbook]: namedSaveMalformed(limits.workbookBytes),
  [channels.writeMonthEndPack]: [
    [],
    [{}],
    [{ files: [] }],
    [{ files: 'Acme.xlsx' }],
    [{ files: [{ name: 'Acme.xlsx', bytes }], folder: '/tmp' }],
    [{ files: [{ name: 'Acme.xlsx', bytes }, { name: 'ACME.XLSX', bytes }] }],
    [{ files: [{ name: 'run.exe', bytes }] }],
    [{ files: [{ name: 'setup.bat', bytes }] }],
    [{ files: [{ name: 'Acme.xlsx.lnk', bytes }] }],
    [{ files: [{ name: 'no-extension', bytes }] }],
    [{ files: [{ name: 'Acme.xlsx', bytes: new OversizedBytes(limits.workbookBytes + 1) }] }],
    [{ files: [{ name: 'A.xlsx', bytes: new OversizedBytes(limits.packBytes / 2) }, { name: 'B.xlsx', bytes: new OversizedBytes(limits.packBytes / 2 + 1) }] }],
    [{ files: Array.from({ length: limits.packFiles + 1 }, (_, index) => ({ name: `${index}.csv`, bytes })) }],
    [{ files: [{ name: 'Acme.xlsx' }] }],
    ...badFileNames.map((name) => [{ files: [{ name, bytes }] }]),
  ],
  [channels.showInFolder]: [[], ['not-an-id'], ['/home/clerk/Documents'], [42], [randomUUID(), 'extra']],
  [channels.writeBackup]: [
    [],
    [{ bytes }],
    [{ bytes, reason: 'because' }],
    [{ bytes, reason: 'manual', name: '../../evil' }],
    [{ bytes: 'gzip', reason: 'manual' }],
    [{ bytes: new OversizedBytes(limits.databaseBytes + 1), reason: 'manual' }],
  ],
  [channels.listBackups]: noArgsMalformed,
  [channels.readBackup]: [[], ['../../etc/passwd'], [`../${someBackupId}`], [someBackupId.replace('.json.gz', '.exe')], [`backup-20261122T150511123Z-manual-${'a'.repeat(63)}.json.gz`], [42], [{ id: someBackupId }]],
  [channels.exportDatabase]: namedSaveMalformed(limits.databaseBytes),
  [channels.importDatabase]: noArgsMalformed,
  [channels.quitReady]: noArgsMalformed,
};

beforeAll(() => {
  registerIpcHandlers();
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'blockledger-ipc-'));
  appPaths.documents = join(root, 'documents');
  appPaths.userData = join(root, 'user-data');
  trusted = createMainWindow({ preload: '/preload.js', placement }).webContents as unknown as FakeWebContents;
  vi.clearAllMocks();
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env.ELECTRON_RENDERER_URL;
  app.isPackaged = true;
});

describe('IPC registration', () => {
  it('registers exactly one handler per invoke channel', () => {
    const invokeChannels = Object.values(channels).filter((channel) => channel !== channels.menuCommand && channel !== channels.beforeQuit);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
  });
});

describe('forged senders are refused before anything happens', () => {
  const forgeries: [string, () => { sender: FakeWebContents; senderFrame: FakeFrame | null }][] = [
    ['a foreign https page in our window', () => ({ sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'https://evil.example/' }) })],
    ['a look-alike host app://blockledger.evil', () => ({ sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'app://blockledger.evil/index.html' }) })],
    ['another app:// host', () => ({ sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'app://evil/index.html' }) })],
    ['credentials in the URL', () => ({ sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'app://user:pw@blockledger/index.html' }) })],
    ['a file:// page', () => ({ sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'file:///tmp/index.html' }) })],
    ['a subframe on our origin', () => ({ sender: trusted, senderFrame: new FakeFrame('app://blockledger/index.html', trusted.mainFrame) })],
    ['a frame that is not the main frame', () => ({ sender: trusted, senderFrame: new FakeFrame('app://blockledger/index.html') })],
    ['a destroyed frame', () => ({ sender: trusted, senderFrame: null })],
    ['a webContents the factory did not make', () => {
      const stranger = new FakeWebContents();
      return { sender: stranger, senderFrame: stranger.mainFrame };
    }],
    ['the dev server origin in a packaged app', () => {
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
      return { sender: trusted, senderFrame: Object.assign(trusted.mainFrame, { url: 'http://localhost:5173/' }) };
    }],
  ];

  for (const [label, forge] of forgeries) {
    for (const channel of Object.keys(validArgs) as InvokeChannel[]) {
      it(`${channel} from ${label}`, async () => {
        await expect(invoke(channel, forge(), ...validArgs[channel])).rejects.toThrow(RefusedError);
        expectNoSideEffects();
      });
    }
  }

  it('accepts the dev server origin only in an unpackaged app', async () => {
    app.isPackaged = false;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    Object.assign(trusted.mainFrame, { url: 'http://localhost:5173/' });
    await expect(invoke(channels.appInfo, trustedEvent())).resolves.toMatchObject({ runtime: 'desktop' });
  });
});

describe('malformed arguments are refused without side effects', () => {
  for (const channel of Object.keys(malformedArgs) as InvokeChannel[]) {
    malformedArgs[channel].forEach((args, index) => {
      it(`${channel} #${index}`, async () => {
        await expect(invoke(channel, trustedEvent(), ...args)).rejects.toThrow(RefusedError);
        expectNoSideEffects();
      });
    });
  }

  it('arbitrary values never open a dialog or write a file', async () => {
    const writingChannels: InvokeChannel[] = [channels.saveWorkbook, channels.writeMonthEndPack, channels.writeBackup, channels.exportDatabase, channels.readBackup, channels.showInFolder];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writingChannels), fc.array(fc.anything({ withTypedArray: true, withObjectString: true, withNullPrototype: true }), { maxLength: 3 }), async (channel, args) => {
        vi.clearAllMocks();
        await invoke(channel, trustedEvent(), ...args).catch((error: unknown) => {
          if (!(error instanceof RefusedError)) throw error;
        });
        expectNoSideEffects();
      }),
      { numRuns: 300 },
    );
  });
});

describe('well-formed calls from our window', () => {
  it('appInfo names the app and says it runs on the desktop', async () => {
    await expect(invoke(channels.appInfo, trustedEvent())).resolves.toEqual({ name: 'Blockledger', version: '0.1.0', runtime: 'desktop', platform: process.platform });
  });

  it('saveWorkbook writes exactly where the user pointed, forcing .xlsx, and can reveal it', async () => {
    const picked = join(root, 'picked', 'Acme October');
    rmSync(join(root, 'picked'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(root, 'picked')));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: picked });
    const result = (await invoke(channels.saveWorkbook, trustedEvent(), { suggestedName: 'Acme 2026-10', bytes })) as { status: string; name: string; savedId: string };
    expect(result).toMatchObject({ status: 'saved', name: 'Acme October.xlsx' });
    expect(dialog.showSaveDialog.mock.calls[0]?.at(-1)).toMatchObject({ defaultPath: join(root, 'documents', 'Acme 2026-10.xlsx') });
    expect(filesWritten()).toEqual([`${picked}.xlsx`]);
    expect(new Uint8Array(readFileSync(`${picked}.xlsx`))).toEqual(bytes);
    await expect(invoke(channels.showInFolder, trustedEvent(), result.savedId)).resolves.toBe(true);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(`${picked}.xlsx`);
  });

  it('saveWorkbook writes nothing when the user cancels', async () => {
    await expect(invoke(channels.saveWorkbook, trustedEvent(), { suggestedName: 'Acme', bytes })).resolves.toEqual({ status: 'cancelled' });
    expect(filesWritten()).toEqual([]);
  });

  it('saveWorkbook reports a clerk-readable failure and leaves nothing behind when the folder is gone', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(root, 'no-such-folder', 'Acme.xlsx') });
    const result = await invoke(channels.saveWorkbook, trustedEvent(), { suggestedName: 'Acme', bytes });
    expect(result).toEqual({ status: 'failed', message: 'Could not write Acme.xlsx: it was moved or deleted.' });
    expect(filesWritten()).toEqual([]);
  });

  it('showInFolder answers false for an id it never issued', async () => {
    await expect(invoke(channels.showInFolder, trustedEvent(), randomUUID())).resolves.toBe(false);
    expectNoSideEffects();
  });

  it('writeMonthEndPack writes every file into the picked folder and can open it', async () => {
    const folder = join(root, 'pack');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const files = [
      { name: 'Acme 2026-10.xlsx', bytes },
      { name: 'Summary.csv', bytes: new TextEncoder().encode('a,b\n') },
    ];
    const result = (await invoke(channels.writeMonthEndPack, trustedEvent(), { files })) as { status: string; savedId: string };
    expect(result).toMatchObject({ status: 'saved', name: 'pack' });
    expect(readdirSync(folder).sort()).toEqual(['Acme 2026-10.xlsx', 'Summary.csv']);
    await expect(invoke(channels.showInFolder, trustedEvent(), result.savedId)).resolves.toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith(folder);
  });

  it('openImportFiles returns the picked files by base name with their bytes', async () => {
    const folder = join(root, 'exports');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    writeFileSync(join(folder, 'time.csv'), 'Date,Hours\n2026-10-01,1.5\n');
    writeFileSync(join(folder, 'agreements.xlsx'), bytes);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(folder, 'time.csv'), join(folder, 'agreements.xlsx')] });
    const result = (await invoke(channels.openImportFiles, trustedEvent())) as { status: string; files: { name: string; bytes: Uint8Array }[] };
    expect(result.status).toBe('opened');
    expect(result.files.map((file) => file.name)).toEqual(['time.csv', 'agreements.xlsx']);
    expect(new TextDecoder().decode(result.files[0]?.bytes)).toBe('Date,Hours\n2026-10-01,1.5\n');
  });

  it('openImportFiles says so when a picked path is a folder', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [root] });
    const result = (await invoke(channels.openImportFiles, trustedEvent())) as { status: string; message: string };
    expect(result.status).toBe('failed');
    expect(result.message).toContain('it is a folder, not a file');
  });

  it('backups round-trip and a flipped bit is caught', async () => {
    const written = (await invoke(channels.writeBackup, trustedEvent(), { bytes, reason: 'import' })) as { status: string; backup: { id: string; reason: string; sizeBytes: number } };
    expect(written).toMatchObject({ status: 'written', backup: { reason: 'import', sizeBytes: bytes.byteLength } });
    const file = join(root, 'user-data', 'backups', written.backup.id);
    expect(statSync(file).size).toBe(bytes.byteLength);
    await expect(invoke(channels.listBackups, trustedEvent())).resolves.toEqual([written.backup]);
    await expect(invoke(channels.readBackup, trustedEvent(), written.backup.id)).resolves.toMatchObject({ status: 'ok', bytes: new Uint8Array(bytes) });
    const flipped = new Uint8Array(bytes);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    writeFileSync(file, flipped);
    await expect(invoke(channels.readBackup, trustedEvent(), written.backup.id)).resolves.toEqual({ status: 'corrupt' });
    await expect(invoke(channels.readBackup, trustedEvent(), someBackupId)).resolves.toEqual({ status: 'missing' });
  });

  it('exportDatabase forces .json.gz and importDatabase reads it back', async () => {
    const picked = join(root, 'documents-export');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: picked });
    await expect(invoke(channels.exportDatabase, trustedEvent(), { suggestedName: 'blockledger 2026-11-22', bytes })).resolves.toMatchObject({ status: 'saved', name: 'documents-export.json.gz' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [`${picked}.json.gz`] });
    await expect(invoke(channels.importDatabase, trustedEvent())).resolves.toEqual({ status: 'opened', file: { name: 'documents-export.json.gz', bytes: new Uint8Array(bytes) } });
  });

  it('quitReady from the window releases its held close', async () => {
    const window = BrowserWindow.created.at(-1);
    if (!window) throw new Error('no window');
    guardClose(window as never);
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(trusted.send).toHaveBeenCalledWith(channels.beforeQuit);
    await invoke(channels.quitReady, trustedEvent());
    expect(window.isDestroyed()).toBe(true);
  });
});
