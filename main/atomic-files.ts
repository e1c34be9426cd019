// Atomic writes and size-limited reads, in plain Node (no Electron import, so
// the headless commands can use them too). Every write goes through a temporary
// file renamed into place, so a crash, a full disk or a locked file never leaves
// a half-written workbook behind.

import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, stat, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes the bytes to a hidden temporary file next to `target` and flushes it; removes it on failure. */
async function writeTemp(target: string, bytes: Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Replaces `target` with `bytes` in one step: readers see the old file or the new one, never a part. */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemp(target, bytes);
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files into `folder`, all or none as far as the OS allows:
 * every file is written to a temporary first, and only when all are on disk are
 * they renamed into place.
 */
export async function writeFilesAtomic(folder: string, files: readonly { name: string; bytes: Uint8Array }[]): Promise<void> {
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = join(folder, file.name);
      temps.push({ temp: await writeTemp(target, file.bytes), target });
    }
    for (const { temp, target } of temps) await rename(temp, target);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}

/** The synchronous twin of writeFileAtomic, for the small state file saved while a window closes. */
export function writeFileAtomicSync(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A file larger than Blockledger reads; refused before any byte is read. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

/** A file's bytes, refusing (before reading) one larger than `maxBytes`. */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw Object.assign(new Error(`${basename(path)} is not a file`), { code: 'EISDIR' });
  if (info.size > maxBytes) throw new FileTooLargeError(`${basename(path)} is larger than ${megabytes(maxBytes)}, the most Blockledger reads at once.`);
  const buffer = await readFile(path);
  // A plain Uint8Array, not a Buffer: what the renderer and the checks expect.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The named bytes of several files, refusing (before reading) any set larger than `maxTotalBytes`. */
export async function readFilesLimited(paths: readonly string[], maxEachBytes: number, maxTotalBytes: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > maxTotalBytes) throw new FileTooLargeError(`These files add up to more than ${megabytes(maxTotalBytes)}. Import them in smaller groups.`);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const path of paths) files.push({ name: basename(path), bytes: await readFileLimited(path, maxEachBytes) });
  return files;
}

/** `path` with `extension` appended unless it already ends with it (any case). */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension) ? path : `${path}${extension}`;
}

/** Words a clerk can act on for a failed read or write of `name`. */
export function describeFileError(error: unknown, name: string, action: 'read' | 'write'): string {
  if (error instanceof FileTooLargeError) return error.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const failed = `Could not ${action} ${name}`;
  switch (code) {
    case 'ENOSPC':
      return `${failed}: the disk is full. Free some space and try again.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return action === 'write' ? `${failed}: this folder is read-only or you may not write there. Pick another folder.` : `${failed}: you may not open it. Check its permissions.`;
    case 'EBUSY':
      return `${failed}: it is open in another program. Close it (in Excel, for example) and try again.`;
    case 'ENOENT':
      return `${failed}: it was moved or deleted.`;
    case 'EISDIR':
      return `${failed}: it is a folder, not a file.`;
    default:
      return `${failed}${error instanceof Error ? ` (${error.message})` : ''}.`;
  }
}
