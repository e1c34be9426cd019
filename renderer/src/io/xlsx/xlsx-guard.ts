// Checks untrusted .xlsx bytes before ExcelJS sees them (reliability.md IMP-2,
// IMP-3): ExcelJS inflates every part with no limit and its XML parser's
// handling of DTDs is unverified. We reject old .xls and password-protected
// workbooks (both OLE2 files), read the zip's central directory with fflate
// and refuse too many parts, too large declared sizes or ratios, then inflate
// every part with a running byte cap (declared sizes can lie) and refuse any
// XML part with a DOCTYPE or ENTITY declaration.
import { Unzip, UnzipInflate, unzipSync, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipDecoderConstructor, type UnzipFileInfo } from 'fflate';

export interface XlsxLimits {
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  /** Sum of the inflated sizes of all parts. */
  readonly maxTotalInflatedBytes: number;
  /** Largest inflated:compressed ratio for a part larger than `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  readonly maxSharedStringsBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalInflatedBytes: 400 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxSharedStringsBytes: 100 * 1024 * 1024,
};

export type GuardResult = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const XML_PART = /\.(xml|rels|vml)$/i;
// What follows "<!" in a DTD declaration (CDATA and comments pass).
const DECLARATION = /^\s*(doctype|entity)/i;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function refuse(code: string, message: string): GuardResult {
  return { ok: false, code, message };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Reads the central directory without inflating anything. */
function centralDirectory(bytes: Uint8Array): UnzipFileInfo[] | string {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        entries.push({ ...info });
        return false;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return entries;
}

function checkDirectory(entries: readonly UnzipFileInfo[], limits: XlsxLimits): GuardResult {
  if (entries.length > limits.maxEntries) return refuse('zip-too-many-parts', `the workbook has ${entries.length} parts (at most ${limits.maxEntries} are accepted); it may be damaged or built to exhaust memory`);
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    if (entry.originalSize >= limits.ratioFloorBytes && entry.originalSize > entry.size * limits.maxRatio) {
      return refuse('zip-bomb', `the part ${entry.name} would inflate ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times (${megabytes(entry.originalSize)}); workbooks never compress that well, so it was refused as a zip bomb`);
    }
    if (/sharedStrings\.xml$/i.test(entry.name) && entry.originalSize > limits.maxSharedStringsBytes) {
      return refuse('zip-too-large', `the workbook's shared strings are ${megabytes(entry.originalSize)} (at most ${megabytes(limits.maxSharedStringsBytes)})`);
    }
    if (entry.compression !== 0 && entry.compression !== 8) return refuse('zip-unsupported', `the part ${entry.name} uses a compression method Excel does not write (${entry.compression})`);
  }
  if (total > limits.maxTotalInflatedBytes) return refuse('zip-too-large', `the workbook inflates to ${megabytes(total)} (at most ${megabytes(limits.maxTotalInflatedBytes)} are accepted)`);
  return { ok: true };
}

/**
 * Inflates raw DEFLATE data natively (Node's zlib), producing at most
 * `maxBytes`; null when it cannot (damaged data, or more than `maxBytes`).
 */
export type NativeInflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array<ArrayBuffer> | null;

/** How much inflated data one `ondata` call hands over from a native inflate: the scan works in pieces of this size. */
const NATIVE_PIECE_BYTES = 1 << 20;

/**
 * An fflate part decoder that inflates with `inflateRaw`: fflate's JavaScript
 * inflate was a quarter of the time of a 100,000-row import. The part is
 * inflated once its compressed bytes are all in, capped at its declared size
 * plus one byte. A part that fails natively (damaged, or larger than declared)
 * is inflated again by fflate, so the guard refuses it exactly as before.
 */
function nativeDecoder(inflateRaw: NativeInflateRaw, declared: ReadonlyMap<string, number>): UnzipDecoderConstructor {
  return class NativeInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];

    constructor(private readonly name: string) {}

    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk);
      if (!final) return;
      const compressed = concatenate(this.chunks);
      const inflated = inflateRaw(compressed, (declared.get(this.name) ?? 0) + 1);
      if (inflated === null) {
        const fallback = new UnzipInflate();
        fallback.ondata = this.ondata;
        fallback.push(compressed, true);
        return;
      }
      if (inflated.length === 0) this.ondata(null, inflated, true);
      for (let start = 0; start < inflated.length; start += NATIVE_PIECE_BYTES) {
        this.ondata(null, inflated.subarray(start, start + NATIVE_PIECE_BYTES), start + NATIVE_PIECE_BYTES >= inflated.length);
      }
    }
  };
}

function concatenate(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** Inflates every part with running caps, comparing actual sizes with the declared ones and scanning XML for DTDs. */
function inflateAndScan(bytes: Uint8Array, entries: readonly UnzipFileInfo[], limits: XlsxLimits, inflateRaw: NativeInflateRaw | null): GuardResult {
  const declared = new Map(entries.map((entry) => [entry.name, entry.originalSize]));
  let verdict: GuardResult = { ok: true };
  let total = 0;
  const seen = new Set<string>();
  const unzip = new Unzip((file) => {
    const size = declared.get(file.name);
    if (size === undefined || seen.has(file.name)) {
      verdict = refuse('zip-inconsistent', `the part ${file.name} is not listed once in the zip's directory; the file is damaged or crafted`);
      file.terminate();
      return;
    }
    seen.add(file.name);
    const isXml = XML_PART.test(file.name);
    let inflated = 0;
    let tail = new Uint8Array(0);
    file.ondata = (error, chunk, final) => {
      if (!verdict.ok) return;
      if (error) {
        verdict = refuse('zip-damaged', `the part ${file.name} cannot be inflated (${error.message})`);
        return;
      }
      inflated += chunk.length;
      total += chunk.length;
      if (inflated > size || total > limits.maxTotalInflatedBytes) {
        verdict = refuse('zip-bomb', `the part ${file.name} inflates to more than its declared ${size} bytes; the sizes in the zip lie, so it was refused`);
        file.terminate();
        return;
      }
      if (isXml) {
        if (inflated === chunk.length && (chunk[0] === 0xfe || chunk[0] === 0xff || chunk[0] === 0 || chunk[1] === 0)) {
          verdict = refuse('xml-not-utf8', `the part ${file.name} is not UTF-8 XML as Excel writes it`);
          file.terminate();
          return;
        }
        const window = new Uint8Array(tail.length + chunk.length);
        window.set(tail);
        window.set(chunk, tail.length);
        if (hasDeclaration(window)) {
          verdict = refuse('xml-doctype', `the part ${file.name} contains a DOCTYPE or ENTITY declaration; Excel never writes one, and such XML can expand without limit or reach outside the file, so the workbook was refused`);
          file.terminate();
          return;
        }
        tail = window.slice(-24);
      }
      if (final && inflated !== size) verdict = refuse('zip-inconsistent', `the part ${file.name} inflates to ${inflated} bytes but the zip declares ${size}; the file is damaged or crafted`);
    };
    file.start();
  });
  unzip.register(inflateRaw === null ? UnzipInflate : nativeDecoder(inflateRaw, declared));
  try {
    unzip.push(bytes, true);
  } catch (error) {
    return refuse('zip-damaged', `the workbook's zip structure is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (verdict.ok && seen.size !== declared.size) return refuse('zip-inconsistent', `the zip's directory lists ${declared.size} parts but ${seen.size} were found; the file is damaged or crafted`);
  return verdict;
}

/** Whether XML bytes hold `<!DOCTYPE` or `<!ENTITY` (any case, spaces allowed after `<!`). */
function hasDeclaration(bytes: Uint8Array): boolean {
  for (let index = bytes.indexOf(0x21); index !== -1; index = bytes.indexOf(0x21, index + 1)) {
    if (index === 0 || bytes[index - 1] !== 0x3c) continue;
    const word = String.fromCharCode(...bytes.subarray(index + 1, index + 20));
    if (DECLARATION.test(word)) return true;
  }
  return false;
}

/**
 * Decides whether bytes may be handed to ExcelJS; the refusal says why in a
 * clerk's words. `inflateRaw` (Node) inflates parts natively; without it
 * (browser) fflate inflates them.
 */
export function guardXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS, inflateRaw: NativeInflateRaw | null = null): GuardResult {
  if (startsWith(bytes, OLE2)) {
    return refuse('xls-or-encrypted', 'this is an old Excel 97-2003 (.xls) workbook or a password-protected workbook; open it in Excel and save it as .xlsx without a password, then import that file');
  }
  if (!startsWith(bytes, ZIP)) return refuse('not-xlsx', 'this is not an .xlsx workbook (an .xlsx file is a zip archive); export the data as .xlsx or CSV');
  if (bytes.length > limits.maxFileBytes) return refuse('file-too-large', `the workbook is ${megabytes(bytes.length)}; at most ${megabytes(limits.maxFileBytes)} are accepted (export CSV for larger data)`);
  const entries = centralDirectory(bytes);
  if (typeof entries === 'string') return refuse('zip-damaged', `the workbook's zip structure is damaged (${entries})`);
  const directory = checkDirectory(entries, limits);
  return directory.ok ? inflateAndScan(bytes, entries, limits, inflateRaw) : directory;
}
