// npm run bench:ui: the UI benchmark (issue 5 "Speed") in the same web build
// and Chromium as the journeys, kept out of npm test: loading a million entries
// takes minutes on this machine.
import { fileURLToPath } from 'node:url';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import base from '../../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../../test-results/bench-ui',
  timeout: 20 * 60_000,
  // A wider window than the journeys: the entries grid shows a screenful of rows.
  // Motion as a clerk's window has it (the journeys reduce it for their screenshots).
  use: { ...base.use, viewport: { width: 1600, height: 1000 }, reducedMotion: 'no-preference' },
  // The web server's commands run from the repository root, as in the journeys' config.
  webServer: { ...(base.webServer as Extract<PlaywrightTestConfig['webServer'], { command: string }>), cwd: fileURLToPath(new URL('../../..', import.meta.url)) },
});
