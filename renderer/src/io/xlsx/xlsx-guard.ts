// Checks untrusted .xlsx bytes before any XML parser sees them
// (reliability.md IMP-2, IMP-3): ExcelJS inflates every part with no limit,
// and no parser should meet a DTD. We reject old .xls and password-protected
// workbooks (both OLE2 files), read the zip's central directory with fflate
// and refuse too many parts, too large declared sizes or ratios, then inflate
// every part with a running byte cap (declared sizes can lie) and refuse any
// XML part with a DOCTYPE or ENTITY declaration. The stream reader parses the
// parts as this inflates them (one pass); guardXlsx only checks them.
import { Unzip, UnzipInflate, unzipSync, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipFileInfo } from 'fflate';
import { failureText } from '../../core/failure-text';

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

export interface GuardRefusal {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

export type GuardResult = { readonly ok: true } | GuardRefusal;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const XML_PART = /\.(xml|rels|vml)$/i;
// What follows "<!" in a DTD declaration (CDATA and comments pass).
const DECLARATION = /^\s*(doctype|entity)/i;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function refuse(code: string, message: string): GuardRefusal {
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
    return failureText(error);
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

/** One part of the zip as its local header finds it, still compressed (a view into the file's bytes). */
export interface ZipPart {
  readonly name: string;
  /** The inflated size the central directory declares. */
  readonly size: number;
  readonly compression: number;
  readonly compressed: Uint8Array;
}

/** Receives a part's inflated bytes piece by piece, each piece checked before it is handed over. */
export type PartSink = (chunk: Uint8Array, final: boolean) => void;

/** A declaration's `<!` and the 19 characters read after it fit in this many bytes, so a seam this long catches one split between pieces. */
const TAIL_BYTES = 24;
/** How much inflated data one `ondata` call hands over from a native inflate: the scan works in pieces of this size. */
const NATIVE_PIECE_BYTES = 1 << 20;
/** fflate inflates this much compressed data at a time, so the running caps stop a bomb early. */
const FFLATE_SLICE_BYTES = 1 << 16;

/** An fflate "decoder" that hands a part's compressed bytes over as they are: the walk only finds the parts. */
class CompressedBytes implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;

  push(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, chunk, final);
  }
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

/** Walks the local headers: every part must be listed once in the central directory, and every listed part found. */
function walkParts(bytes: Uint8Array, entries: readonly UnzipFileInfo[]): ZipPart[] | GuardRefusal {
  const declared = new Map(entries.map((entry) => [entry.name, entry.originalSize]));
  const parts = new Map<string, ZipPart>();
  let verdict: GuardResult = { ok: true };
  const unzip = new Unzip((file) => {
    const size = declared.get(file.name);
    if (size === undefined || parts.has(file.name)) {
      if (verdict.ok) verdict = refuse('zip-inconsistent', `the part ${file.name} is not listed once in the zip's directory; the file is damaged or crafted`);
      file.terminate();
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error) {
        if (verdict.ok) verdict = refuse('zip-damaged', `the part ${file.name} cannot be inflated (${error.message})`);
        return;
      }
      chunks.push(chunk);
      if (final) parts.set(file.name, { name: file.name, size, compression: file.compression, compressed: concatenate(chunks) });
    };
    file.start();
  });
  unzip.register(CompressedBytes);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    return refuse('zip-damaged', `the workbook's zip structure is damaged (${failureText(error)})`);
  }
  if (!verdict.ok) return verdict as GuardRefusal;
  if (parts.size !== declared.size) return refuse('zip-inconsistent', `the zip's directory lists ${declared.size} parts but ${parts.size} were found; the file is damaged or crafted`);
  return [...parts.values()];
}

/**
 * A zip whose directory passed the checks; its parts are inflated on demand,
 * each exactly once, with running caps (declared sizes can lie) and a scan of
 * XML for DTDs before any byte reaches a reader.
 */
export class GuardedZip {
  private total = 0;
  private readonly byName: ReadonlyMap<string, ZipPart>;
  private readonly inflated = new Set<string>();

  constructor(
    readonly parts: readonly ZipPart[],
    private readonly limits: XlsxLimits,
    private readonly inflateRaw: NativeInflateRaw | null,
  ) {
    this.byName = new Map(parts.map((part) => [part.name, part]));
  }

  /** The part of that exact name, if the zip has one. */
  part(name: string): ZipPart | undefined {
    return this.byName.get(name);
  }

  /** Inflates every part not inflated yet, only to check it. */
  checkRest(): GuardResult {
    for (const part of this.parts) {
      if (this.inflated.has(part.name)) continue;
      const verdict = this.inflate(part);
      if (!verdict.ok) return verdict;
    }
    return { ok: true };
  }

  /**
   * Inflates one part and hands its checked bytes to `sink`. A refusal stops
   * the part; what the sink got before is to be thrown away. An exception
   * from the sink is the caller's: rethrown once the rest of the part passed
   * the checks (else the refusal is returned).
   */
  inflate(part: ZipPart, sink: PartSink | null = null): GuardResult {
    this.inflated.add(part.name);
    const { name, size } = part;
    const isXml = XML_PART.test(name);
    let verdict: GuardResult = { ok: true };
    let sinkError: { readonly error: unknown } | null = null;
    let inflated = 0;
    let tail = new Uint8Array(0);
    const receive = (error: Error | null, chunk: Uint8Array, final: boolean): void => {
      if (!verdict.ok) return;
      if (error) {
        verdict = refuse('zip-damaged', `the part ${name} cannot be inflated (${error.message})`);
        return;
      }
      inflated += chunk.length;
      this.total += chunk.length;
      if (inflated > size || this.total > this.limits.maxTotalInflatedBytes) {
        verdict = refuse('zip-bomb', `the part ${name} inflates to more than its declared ${size} bytes; the sizes in the zip lie, so it was refused`);
        return;
      }
      if (isXml) {
        if (inflated === chunk.length && (chunk[0] === 0xfe || chunk[0] === 0xff || chunk[0] === 0 || chunk[1] === 0)) {
          verdict = refuse('xml-not-utf8', `the part ${name} is not UTF-8 XML as Excel writes it`);
          return;
        }
        // The piece itself, and its seam with the last bytes before it (not a copy of the whole piece: that was 42 MB of garbage for a large sheet).
        const head = chunk.subarray(0, TAIL_BYTES);
        const seam = new Uint8Array(tail.length + head.length);
        seam.set(tail);
        seam.set(head, tail.length);
        if (hasDeclaration(seam) || hasDeclaration(chunk)) {
          verdict = refuse('xml-doctype', `the part ${name} contains a DOCTYPE or ENTITY declaration; Excel never writes one, and such XML can expand without limit or reach outside the file, so the workbook was refused`);
          return;
        }
        tail = chunk.length >= TAIL_BYTES ? chunk.slice(-TAIL_BYTES) : seam.slice(-TAIL_BYTES);
      }
      if (final && inflated !== size) {
        verdict = refuse('zip-inconsistent', `the part ${name} inflates to ${inflated} bytes but the zip declares ${size}; the file is damaged or crafted`);
        return;
      }
      // After the sink fails the part is still checked to its end: a refusal says more than a parse error.
      if (sink === null || sinkError !== null) return;
      try {
        sink(chunk, final);
      } catch (thrown) {
        sinkError = { error: thrown };
      }
    };
    if (part.compression === 0) receive(null, part.compressed, true);
    else this.decompress(part, receive, () => (verdict.ok ? null : verdict));
    if (verdict.ok && sinkError !== null) throw (sinkError as { readonly error: unknown }).error;
    return verdict;
  }

  /**
   * Natively when it can (fflate's JavaScript inflate was a quarter of the
   * time of a 100,000-row import), capped at the declared size plus one byte.
   * A part that fails natively (damaged, or larger than declared) is inflated
   * again by fflate, so it is refused with the same words either way.
   */
  private decompress(part: ZipPart, receive: (error: Error | null, chunk: Uint8Array, final: boolean) => void, refused: () => GuardRefusal | null): void {
    const native = this.inflateRaw?.(part.compressed, part.size + 1) ?? null;
    if (native !== null) {
      if (native.length === 0) receive(null, native, true);
      for (let start = 0; start < native.length; start += NATIVE_PIECE_BYTES) receive(null, native.subarray(start, start + NATIVE_PIECE_BYTES), start + NATIVE_PIECE_BYTES >= native.length);
      return;
    }
    const inflate = new UnzipInflate();
    inflate.ondata = receive;
    const { compressed } = part;
    for (let start = 0; refused() === null && start < compressed.length; start += FFLATE_SLICE_BYTES) inflate.push(compressed.subarray(start, start + FFLATE_SLICE_BYTES), start + FFLATE_SLICE_BYTES >= compressed.length);
    if (compressed.length === 0) inflate.push(compressed, true);
  }
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
 * Opens untrusted bytes as a zip whose parts can be inflated under the guard;
 * a refusal says why in a clerk's words. `inflateRaw` (Node) inflates parts
 * natively; without it (browser) fflate inflates them.
 */
export function openXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS, inflateRaw: NativeInflateRaw | null = null): GuardRefusal | { readonly ok: true; readonly zip: GuardedZip } {
  if (startsWith(bytes, OLE2)) {
    return refuse('xls-or-encrypted', 'this is an old Excel 97-2003 (.xls) workbook or a password-protected workbook; open it in Excel and save it as .xlsx without a password, then import that file');
  }
  if (!startsWith(bytes, ZIP)) return refuse('not-xlsx', 'this is not an .xlsx workbook (an .xlsx file is a zip archive); export the data as .xlsx or CSV');
  if (bytes.length > limits.maxFileBytes) return refuse('file-too-large', `the workbook is ${megabytes(bytes.length)}; at most ${megabytes(limits.maxFileBytes)} are accepted (export CSV for larger data)`);
  const entries = centralDirectory(bytes);
  if (typeof entries === 'string') return refuse('zip-damaged', `the workbook's zip structure is damaged (${entries})`);
  const directory = checkDirectory(entries, limits);
  if (!directory.ok) return directory;
  const parts = walkParts(bytes, entries);
  return Array.isArray(parts) ? { ok: true, zip: new GuardedZip(parts, limits, inflateRaw) } : parts;
}

/** Decides whether bytes may be handed to ExcelJS: every part inflated and checked, none kept. */
export function guardXlsx(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS, inflateRaw: NativeInflateRaw | null = null): GuardResult {
  const opened = openXlsx(bytes, limits, inflateRaw);
  return opened.ok ? opened.zip.checkRest() : opened;
}
