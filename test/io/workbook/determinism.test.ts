import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { customerDocument, writeCustomerWorkbook } from '../../../renderer/src/io/workbook/customer-workbook';
import { MemoryWorkbook } from '../../../renderer/src/io/workbook/memory-workbook';
import { bytesAccess, dosDateTime, stampZipEntries } from '../../../renderer/src/io/workbook/zip-dates';
import { customerGroups, workbookContext } from '../../../renderer/src/io/workbook/workbook-context';
import { type Helper, writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';

const result = reconcile(TRICKY_PORTFOLIO);

async function writeAll(helper: Helper = 'never'): Promise<{ dir: string; files: Map<string, Buffer> }> {
  const dir = await mkdtemp(join(tmpdir(), 'blockledger-determinism-'));
  await writeReconciliationWorkbooks(result, TRICKY_PORTFOLIO, dir, () => undefined, undefined, helper);
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(join(dir, name)));
  return { dir, files };
}

async function inMemory(): Promise<Uint8Array> {
  const context = workbookContext(TRICKY_PORTFOLIO, result);
  const group = customerGroups(result)[1];
  if (group === undefined) throw new Error('fixture has customers');
  const workbook = new MemoryWorkbook(customerDocument(context, group.customer));
  await writeCustomerWorkbook(workbook, context, group);
  return workbook.toBytes();
}

/** Every entry's DOS date/time words, from the central directory and the local headers. */
function entryDates(bytes: Uint8Array): { central: number[]; local: number[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const central: number[] = [];
  const local: number[] = [];
  for (let at = view.getUint32(end + 16, true); view.getUint32(at, true) === 0x02014b50;) {
    central.push(view.getUint16(at + 14, true), view.getUint16(at + 12, true));
    const offset = view.getUint32(at + 42, true);
    local.push(view.getUint16(offset + 12, true), view.getUint16(offset + 10, true));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { central, local };
}

describe('deterministic workbooks', () => {
  it('two runs on the same input and as-of give byte-identical files', async () => {
    const first = await writeAll();
    const second = await writeAll();
    try {
      expect([...second.files.keys()]).toEqual([...first.files.keys()]);
      for (const [name, bytes] of first.files) expect(second.files.get(name)?.equals(bytes), name).toBe(true);
    } finally {
      await rm(first.dir, { recursive: true, force: true });
      await rm(second.dir, { recursive: true, force: true });
    }
  });

  it('a run that shares the customer files with a second process writes the same bytes', async () => {
    const alone = await writeAll('never');
    const shared = await writeAll('always');
    try {
      expect([...shared.files.keys()]).toEqual([...alone.files.keys()]);
      expect([...shared.files.keys()].some((name) => name.endsWith('.partial'))).toBe(false);
      for (const [name, bytes] of alone.files) expect(shared.files.get(name)?.equals(bytes), name).toBe(true);
    } finally {
      await rm(alone.dir, { recursive: true, force: true });
      await rm(shared.dir, { recursive: true, force: true });
    }
  });

  it('dates every zip entry and the document properties at the as-of date, not the time of writing', async () => {
    const { dir, files } = await writeAll();
    try {
      const { date, time } = dosDateTime('2026-03-31');
      for (const [name, bytes] of files) {
        const dates = entryDates(bytes);
        expect(dates.central.length, name).toBeGreaterThan(10);
        expect(new Set([...dates.central, ...dates.local]), name).toEqual(new Set([date, time]));
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(new Uint8Array(bytes).buffer);
        expect(book.created.toISOString()).toBe('2026-03-31T00:00:00.000Z');
        expect(book.modified.toISOString()).toBe('2026-03-31T00:00:00.000Z');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the in-memory (browser) path is deterministic too, with the same dates', async () => {
    const first = await inMemory();
    const second = await inMemory();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const { date } = dosDateTime('2026-03-31');
    expect(new Set(entryDates(first).central.filter((_, i) => i % 2 === 0))).toEqual(new Set([date]));
  });

  it('stamping refuses bytes that are not a zip', async () => {
    await expect(stampZipEntries(bytesAccess(new Uint8Array(100)), '2026-03-31')).rejects.toThrow(/not a zip/);
  });
});

describe('the streaming writer\'s private-API fixes (research/performance.md §4)', () => {
  it('runs on the pinned ExcelJS whose WorksheetWriter has the fields the fixes use', async () => {
    const require = createRequire(import.meta.url);
    expect((require('exceljs/package.json') as { version: string }).version).toBe('4.4.0');
    const dir = await mkdtemp(join(tmpdir(), 'blockledger-writer-'));
    try {
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'probe.xlsx') });
      const sheet = writer.addWorksheet('Probe');
      sheet.addRow([{ formula: '1+1', result: 2 }]).commit();
      const internals = sheet as unknown as { _formulae: object; stream: { pipes: { _writableState?: { length: unknown } }[] } };
      expect(typeof internals._formulae).toBe('object');
      // The zip takes the sheet's stream once earlier parts are through; its queue is what backpressure reads.
      for (let turn = 0; turn < 100 && internals.stream.pipes.length === 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(typeof internals.stream.pipes[0]?._writableState?.length).toBe('number');
      sheet.commit();
      await writer.commit();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
