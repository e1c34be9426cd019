// Runs `reconcile` in-process on fixture files, capturing its output.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { nodeCliIo } from '../../../main/cli/cli-io';
import { runReconcile } from '../../../main/cli/run-reconcile';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/canonical', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);
export const GOOD = ['--contracts', fixture('contracts.csv'), '--entries', fixture('entries.csv'), '--additions', fixture('additions.csv'), '--as-of', '2026-02-15'];

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh empty folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'reconcile-test-'));
  folders.push(folder);
  return folder;
}

/** Names in a folder (to prove nothing, not even a temporary file, was written). */
export const filesIn = (folder: string): string[] => readdirSync(folder);

export async function run(argv: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeCliIo(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const status = await runReconcile(argv, io);
  return { status, stdout, stderr };
}
