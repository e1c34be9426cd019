import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { desktopApiMethods } from '../../preload/contract';

// The real desktop shell, driven by Playwright. It needs an Electron binary,
// which these machines cannot download (ELECTRON_SKIP_BINARY_DOWNLOAD=1): then
// every test here is skipped and says so in its name.

const repoRoot = resolve(import.meta.dirname, '../..');

/** The Electron binary: $ELECTRON_PATH, or the one electron's postinstall fetched. Never downloads. */
function findElectronBinary(): string | undefined {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const pathFile = join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const electronBinary = findElectronBinary();
const skipReason = 'skipped: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); set ELECTRON_PATH to run';
const named = (title: string): string => (electronBinary ? title : `${title} (${skipReason})`);

test.describe('the Electron shell', () => {
  test.skip(!electronBinary, skipReason);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'ignore', timeout: 180_000 });
    profile = mkdtempSync(join(tmpdir(), 'blockledger-electron-'));
    // A fresh profile (userData) and the production UI, never a dev server.
    const env = Object.fromEntries(Object.entries({ ...process.env, XDG_CONFIG_HOME: profile }).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL'));
    app = await electron.launch({ executablePath: electronBinary, args: [repoRoot], cwd: repoRoot, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test(named('loads the UI from app://blockledger and shows the first-start screen'), async () => {
    expect(page.url()).toBe('app://blockledger/index.html');
    await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();
  });

  test(named('the page is isolated and sandboxed, with no Node in it'), async () => {
    // The factory's flags are unit-tested (test/main/window.test.ts); here, their effects.
    expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual(['undefined', 'undefined', 'undefined']);
    // contextBridge refuses to work without context isolation, so the bridge's presence proves it.
    expect(await page.evaluate(() => typeof (window as unknown as { desktop?: unknown }).desktop)).toBe('object');
    // The OS reports sandboxing per process on macOS and Windows only.
    const sandboxed = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((metric) => metric.type === 'Tab').map((metric) => metric.sandboxed));
    if (process.platform !== 'linux') expect(sandboxed.every((flag) => flag === true)).toBe(true);
  });

  test(named('the preload exposes exactly the contract and nothing else'), async () => {
    const surface = await page.evaluate(() => ({
      methods: Object.keys((window as unknown as { desktop: object }).desktop).sort(),
      electron: 'electron' in window,
      ipcRenderer: 'ipcRenderer' in window,
    }));
    expect(surface).toEqual({ methods: [...desktopApiMethods].sort(), electron: false, ipcRenderer: false });
  });

  test(named('navigation away and new windows are denied'), async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();
    expect(page.url()).toBe('app://blockledger/index.html');
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test(named('saving a workbook writes the bytes where the (stubbed) save dialog pointed'), async () => {
    const target = join(profile, 'Acme October');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    const result = await page.evaluate(() => (window as unknown as { desktop: { saveWorkbook(request: { suggestedName: string; bytes: Uint8Array }): Promise<unknown> } }).desktop.saveWorkbook({ suggestedName: 'Acme 2026-10', bytes: new Uint8Array([80, 75, 3, 4]) }));
    expect(result).toMatchObject({ status: 'saved', name: 'Acme October.xlsx' });
    expect([...readFileSync(`${target}.xlsx`)]).toEqual([80, 75, 3, 4]);
  });
});
