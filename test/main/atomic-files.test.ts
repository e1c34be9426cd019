import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFileError, FileTooLargeError, readFileLimited, readFilesLimited, withExtension, writeFileAtomic, writeFileAtomicSync, writeFilesAtomic } from '../../main/atomic-files';


let dir: string;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blockledger-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('replaces an existing file completely', async () => {
    writeFileSync(join(dir, 'Acme.xlsx'), 'old version, longer than the new one');
    await writeFileAtomic(join(dir, 'Acme.xlsx'), encode('new'));
    expect(readFileSync(join(dir, 'Acme.xlsx'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['Acme.xlsx']);
  });

  it('leaves no partial or temporary file when the final step fails', async () => {
    // The target is a folder with content: the rename fails after the bytes are on disk.
    mkdirSync(join(dir, 'Acme.xlsx'));
    writeFileSync(join(dir, 'Acme.xlsx', 'keep.txt'), 'keep');
    await expect(writeFileAtomic(join(dir, 'Acme.xlsx'), encode('new'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['Acme.xlsx']);
    expect(readdirSync(join(dir, 'Acme.xlsx'))).toEqual(['keep.txt']);
  });

  it('leaves nothing when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'gone', 'Acme.xlsx'), encode('new'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a pack whose renaming fails part-way leaves no temporary files behind', async () => {
    writeFileSync(join(dir, 'Acme.xlsx'), 'last month');
    mkdirSync(join(dir, 'Summary.csv'));
    const files = [
      { name: 'Acme.xlsx', bytes: encode('this month') },
      { name: 'Beta.xlsx', bytes: encode('beta') },
      { name: 'Summary.csv', bytes: encode('a,b') },
    ];
    await expect(writeFilesAtomic(dir, files)).rejects.toThrow();
    // Summary.csv is a folder, so its rename fails after the files before it
    // were renamed (each of them complete): renames are atomic one by one only.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a pack all or none: a failure while writing renames nothing', async () => {
    writeFileSync(join(dir, 'Acme.xlsx'), 'last month');
    const files = [
      { name: 'Acme.xlsx', bytes: encode('this month') },
      { name: 'Beta.xlsx', bytes: encode('beta') },
      // A name whose temporary cannot be created: its parent folder does not exist.
      { name: join('missing', 'Gamma.xlsx'), bytes: encode('gamma') },
    ];
    await expect(writeFilesAtomic(dir, files)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['Acme.xlsx']);
    expect(readFileSync(join(dir, 'Acme.xlsx'), 'utf8')).toBe('last month');
  });

  it('the synchronous variant creates the folder and replaces the file', () => {
    writeFileAtomicSync(join(dir, 'nested', 'state.json'), encode('{"a":1}'));
    writeFileAtomicSync(join(dir, 'nested', 'state.json'), encode('{"a":2}'));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
    expect(readFileSync(join(dir, 'nested', 'state.json'), 'utf8')).toBe('{"a":2}');
  });
});

describe('limited reads', () => {
  it('refuses a file over the limit before reading it', async () => {
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2048));
    await expect(readFileLimited(join(dir, 'big.csv'), 1024)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(readFileLimited(join(dir, 'big.csv'), 4096)).resolves.toHaveLength(2048);
  });

  it('refuses a set of files over the total limit', async () => {
    writeFileSync(join(dir, 'a.csv'), 'x'.repeat(600));
    writeFileSync(join(dir, 'b.csv'), 'x'.repeat(600));
    await expect(readFilesLimited([join(dir, 'a.csv'), join(dir, 'b.csv')], 1000, 1000)).rejects.toThrow('Import them in smaller groups');
  });
});

describe('file helpers', () => {
  it('forces an extension once, whatever its case', () => {
    expect(withExtension('/x/Acme', '.xlsx')).toBe('/x/Acme.xlsx');
    expect(withExtension('/x/Acme.XLSX', '.xlsx')).toBe('/x/Acme.XLSX');
    expect(withExtension('/x/Acme.xls', '.xlsx')).toBe('/x/Acme.xls.xlsx');
  });

  it.each([
    ['ENOSPC', 'write', 'Could not write Acme.xlsx: the disk is full. Free some space and try again.'],
    ['EBUSY', 'write', 'Could not write Acme.xlsx: it is open in another program. Close it (in Excel, for example) and try again.'],
    ['EACCES', 'write', 'Could not write Acme.xlsx: this folder is read-only or you may not write there. Pick another folder.'],
    ['EACCES', 'read', 'Could not read Acme.xlsx: you may not open it. Check its permissions.'],
  ] as const)('explains %s on %s in words a clerk can act on', (code, action, message) => {
    expect(describeFileError(Object.assign(new Error('x'), { code }), 'Acme.xlsx', action)).toBe(message);
  });
});
