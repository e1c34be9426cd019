import { defineConfig } from '@playwright/test';
import { RENDERER_JS_FLAGS } from './main/renderer-v8';

// Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. Its V8
// runs with the desktop shell's flags, so the journeys and bench:ui run the
// renderer as the desktop app does.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--js-flags=${RENDERER_JS_FLAGS}`];

// Must match vite.web.config.ts (preview.port).
const port = 4174;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // The machine's two cores are shared: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    browserName: 'chromium',
    // Scrollbars as the desktop window has them (Playwright hides them by default): grids must fit beside them.
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs, ignoreDefaultArgs: ['--hide-scrollbars'] },
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    // The system's "reduce motion" setting, which the app follows (no fades or ripples; MUI X draws a
    // chart at once instead of over half a second): screenshots show finished screens, whole charts.
    reducedMotion: 'reduce',
  },
  webServer: {
    // The production build of the web renderer, served with the app's CSP header.
    command: 'npx vite build --config vite.web.config.ts --logLevel warn && npx vite preview --config vite.web.config.ts',
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  },
});
