// The same renderer as the desktop app, served to a plain browser (npm run web,
// Playwright). Without window.desktop, renderer/src/platform picks the browser
// implementation of the bridge; nothing else differs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './main/content-security-policy';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

/** The fixed address Playwright's webServer waits for. */
export const webPreviewPort = 4174;

export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: here('./out/web'), emptyOutDir: true },
  // ES-module workers can load code on demand (ExcelJS, only when a workbook is written); must match electron.vite.config.ts.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
  // The built app gets the desktop app's CSP (the dev server does not: React's
  // fast refresh needs an inline script).
  preview: { host: '127.0.0.1', port: webPreviewPort, strictPort: true, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
});
