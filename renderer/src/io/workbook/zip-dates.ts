// A .xlsx is a zip, and every zip entry carries a modification time. Both of
// ExcelJS's writers stamp entries with the time of writing (archiver and JSZip
// take a date per entry and have no option for a fixed one), which would make
// two runs differ. After writing, we set every entry's date to the as-of date
// in the central directory and in each local header: a few bytes per entry,
// the same for streamed files and in-memory buffers.
import type { IsoDate } from '../../core/model';

/** Positional access to a finished zip (a file handle or a byte array). */
export interface RandomAccess {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  write(offset: number, bytes: Uint8Array): Promise<void>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

/** MS-DOS date and time words of a calendar date at midnight. */
export function dosDateTime(asOf: IsoDate): { date: number; time: number } {
  const [year = 1980, month = 1, day = 1] = asOf.split('-').map(Number);
  return { date: ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | day, time: 0 };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function dateTimeBytes(asOf: IsoDate): Uint8Array {
  const { date, time } = dosDateTime(asOf);
  const bytes = new Uint8Array(4);
  view(bytes).setUint16(0, time, true);
  view(bytes).setUint16(2, date, true);
  return bytes;
}

async function findEndRecord(zip: RandomAccess): Promise<DataView> {
  const tailLength = Math.min(zip.size, END_RECORD_SIZE + MAX_COMMENT);
  const tail = view(await zip.read(zip.size - tailLength, tailLength));
  for (let at = tailLength - END_RECORD_SIZE; at >= 0; at -= 1) {
    if (tail.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return new DataView(tail.buffer, tail.byteOffset + at, END_RECORD_SIZE);
  }
  throw new Error('not a zip file: no end of central directory');
}

/** Sets every entry's modification date to `asOf` 00:00 (central directory and local headers). */
export async function stampZipEntries(zip: RandomAccess, asOf: IsoDate): Promise<void> {
  const stamp = dateTimeBytes(asOf);
  const end = await findEndRecord(zip);
  const directorySize = end.getUint32(12, true);
  const directoryOffset = end.getUint32(16, true);
  if (directoryOffset === ZIP64_MARK) throw new Error('zip64 archives are not expected from a workbook writer');
  const directory = await zip.read(directoryOffset, directorySize);
  const entries = view(directory);
  for (let at = 0; at < directorySize;) {
    if (entries.getUint32(at, true) !== CENTRAL_ENTRY) throw new Error(`broken zip central directory at ${directoryOffset + at}`);
    const localOffset = entries.getUint32(at + 42, true);
    if (localOffset === ZIP64_MARK) throw new Error('zip64 archives are not expected from a workbook writer');
    directory.set(stamp, at + 12);
    const local = view(await zip.read(localOffset, 4));
    if (local.getUint32(0, true) !== LOCAL_HEADER) throw new Error(`broken zip local header at ${localOffset}`);
    await zip.write(localOffset + 10, stamp);
    at += 46 + entries.getUint16(at + 28, true) + entries.getUint16(at + 30, true) + entries.getUint16(at + 32, true);
  }
  await zip.write(directoryOffset, directory);
}

/** RandomAccess over bytes in memory (changed in place). */
export function bytesAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.byteLength,
    read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)),
    write: (offset, part) => {
      bytes.set(part, offset);
      return Promise.resolve();
    },
  };
}
