// ExcelJS is most of the engine worker's code, yet only writing a workbook
// needs it: it is loaded then, so the worker starts, and reads the store,
// sooner when the window opens (issue 5).
import type { MemoryWorkbook } from './memory-workbook';
import type { DocumentInfo } from './sheet-layout';

/** A new in-memory workbook; the first call loads ExcelJS. */
export async function openMemoryWorkbook(info: DocumentInfo): Promise<MemoryWorkbook> {
  const { MemoryWorkbook: Workbook } = await import('./memory-workbook');
  return new Workbook(info);
}
