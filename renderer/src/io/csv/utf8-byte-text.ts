// UTF-8 CSV scanned as one character per byte (issue 3's read speed).
// Decoding a 140 MB export as UTF-8 took 430 ms in Node and 240–530 ms in
// Chromium; reading its bytes one character each takes 100–130 ms, and every
// character the tokenizer and the in-place parsers look for is ASCII, which
// UTF-8 never uses inside a multi-byte sequence. So positions in the byte
// text are byte offsets, and only a field holding a non-ASCII byte is decoded
// properly, from the bytes, when it becomes a string.
import type { ScannedText } from '../../core/import/field-ranges';
import { strictDecode } from './decode-text';

const ASCII_WORD_MASK = 0x80808080;
const SPACE = 0x20;

const utf8 = new TextDecoder('utf-8');

// Node's buffer module (absent in a browser) has fast paths for both steps.
type NodeBufferModule = { Buffer: typeof Buffer; isUtf8(bytes: Uint8Array): boolean };
const nodeBuffer = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.('node:buffer') as NodeBufferModule | undefined;

// Node's TextDecoder has no fast one-byte path (560 ms for the 140 MB above),
// its Buffer has (100 ms); a browser's windows-1252 decoder has one (130 ms).
// Which character a non-ASCII byte becomes does not matter: it is never read.
const oneByteDecoder = nodeBuffer === undefined ? new TextDecoder('windows-1252') : null;

function oneCharPerByte(bytes: Uint8Array): string {
  if (nodeBuffer !== undefined) return nodeBuffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (oneByteDecoder as TextDecoder).decode(bytes);
}

// Node checks UTF-8 natively (simdutf: 16 ms for the 140 MB above, against
// about 100 ms for finding the runs below).
const isUtf8 = nodeBuffer?.isUtf8 ?? portableIsUtf8;

/** The runs of non-ASCII bytes, as [start, end) pairs. */
function nonAsciiRuns(bytes: Uint8Array): number[] {
  const runs: number[] = [];
  const length = bytes.length;
  // Whole ASCII words are skipped four bytes at a time when the bytes are aligned for it.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, length >>> 2) : null;
  const wordCount = words === null ? 0 : words.length;
  let i = 0;
  while (i < length) {
    if ((bytes[i] as number) < 0x80) {
      i++;
      if (words !== null && (i & 3) === 0) {
        let word = i >>> 2;
        while (word < wordCount && ((words[word] as number) & ASCII_WORD_MASK) === 0) word++;
        i = word << 2;
      }
      continue;
    }
    const start = i;
    while (i < length && (bytes[i] as number) >= 0x80) i++;
    runs.push(start, i);
  }
  return runs;
}

/**
 * Whether `bytes` are valid UTF-8, in any JavaScript engine. ASCII bytes are
 * whole characters, so the bytes are valid UTF-8 exactly when each run of
 * non-ASCII bytes is; the runs, joined by spaces, go through the platform's
 * strict decoder in one call.
 */
export function portableIsUtf8(bytes: Uint8Array): boolean {
  const runs = nonAsciiRuns(bytes);
  if (runs.length === 0) return true;
  let size = 0;
  for (let at = 0; at < runs.length; at += 2) size += (runs[at + 1] as number) - (runs[at] as number) + 1;
  const joined = new Uint8Array(size);
  let offset = 0;
  // Runs are a few bytes each: a loop copies them faster than a subarray each.
  for (let at = 0; at < runs.length; at += 2) {
    for (let i = runs[at] as number, end = runs[at + 1] as number; i < end; i++) joined[offset++] = bytes[i] as number;
    joined[offset++] = SPACE;
  }
  return strictDecode('utf-8', joined) !== null;
}

/** UTF-8 bytes as a text of one character per byte; `slice` decodes a field only when it holds a non-ASCII byte. */
export class Utf8ByteText implements ScannedText {
  private constructor(
    readonly chars: string,
    readonly bytes: Uint8Array,
  ) {}

  /** The byte text of `bytes` (without a BOM), or null when they are not valid UTF-8. */
  static of(bytes: Uint8Array): Utf8ByteText | null {
    return isUtf8(bytes) ? new Utf8ByteText(oneCharPerByte(bytes), bytes) : null;
  }

  slice(start: number, end: number): string {
    // Fields are short: a look at their bytes costs less than a map of the file's non-ASCII bytes.
    const bytes = this.bytes;
    for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return utf8.decode(bytes.subarray(start, end));
    return this.chars.slice(start, end);
  }
}
