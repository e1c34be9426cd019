import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The engine must stay pure (ARCHITECTURE.md): nothing of the UI, storage,
// Electron, spreadsheets or Node reaches renderer/src/core.
const impureModules = ['react', 'react-*', 'react/*', '@mui/*', 'ag-grid-*', 'dexie', 'dexie/*', 'electron', 'exceljs', 'papaparse', 'iconv-lite', 'fflate', 'node:*', 'fs', 'path', 'os', 'crypto'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: impureModules, message: 'renderer/src/core is the pure engine: no UI, storage, Electron, spreadsheet or Node imports.' },
          { group: ['**/io/**', '**/db/**', '**/features/**', '**/platform/**', '**/workers/**', '**/components/**', '**/main/**', '**/preload/**'], message: 'core imports nothing of ours outside core.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'localStorage', 'indexedDB'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'The engine never reads the clock: as-of is a parameter.' }, { selector: "CallExpression[callee.name='parseFloat']", message: 'No floats in the ledger: parse quantities as integer hundredths.' }],
    },
  },
  {
    // A screen's parts stay its own: what two screens share lives in components/.
    files: ['renderer/src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'A screen does not import another screen: move what they share into renderer/src/components.' }] }],
    },
  },
);
