// The desktop shell's start-up, before the app is ready: what must be set then
// or never (Electron mocked; the real shell is in test/e2e/electron-shell.spec.ts).
import { describe, expect, it, vi } from 'vitest';
import { app, protocol } from './fake-electron';
import { RENDERER_JS_FLAGS } from '../../main/renderer-v8';
import { chromiumArgs } from '../../playwright.config';

vi.mock('electron', () => import('./fake-electron'));

describe('the shell before the app is ready', () => {
  it('starts the renderer processes with the V8 flags the journeys and bench:ui run Chromium with, and registers app://', async () => {
    await import('../../main/index');
    expect(app.commandLine.appendSwitch.mock.calls).toEqual([['js-flags', RENDERER_JS_FLAGS]]);
    expect(chromiumArgs).toContain(`--js-flags=${RENDERER_JS_FLAGS}`);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.whenReady).toHaveBeenCalledOnce();
  });
});
