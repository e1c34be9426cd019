import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot load ES modules: emit CommonJS as index.js.
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
    plugins: [react()],
    // ES-module workers can load code on demand (ExcelJS, only when a workbook is written); must match vite.web.config.ts.
    worker: { format: 'es' },
  },
});
