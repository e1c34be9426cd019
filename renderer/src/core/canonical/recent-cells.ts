// A column's recent cells and the one string each value is shared as (see
// CellReader.sharedText). A million entries repeat a few thousand names, and
// exports come grouped or cycle through a handful of values, so most cells
// are found here without making a string, trimming or hashing. A cell's slot
// comes from its length and its first, middle and last characters, which
// tell apart the few values such a column repeats.
import type { ScannedText } from '../import/field-ranges';

/** Slots per column (a power of two): more than a team's technicians or roles. */
const SLOTS = 64;

function slotOf(length: number, first: number, middle: number, last: number): number {
  return (length * 7 + first * 31 + middle * 17 + last) & (SLOTS - 1);
}

/**
 * Cells read in place from one scanned text, each slot keyed by where its
 * value was last seen in that text: a hit compares characters in place (as
 * bytes when the text has them, several times faster than reading a string
 * here) and allocates nothing.
 */
export class RecentInPlace {
  private readonly starts = new Int32Array(SLOTS).fill(-1);
  private readonly lengths = new Int32Array(SLOTS);
  private readonly values = new Array<string>(SLOTS).fill('');
  /** The slot of the last cell looked up, for `remember`. */
  private slot = 0;

  constructor(readonly text: ScannedText) {}

  /** The shared string of the value at [start, end), when recent. */
  find(start: number, end: number): string | undefined {
    const length = end - start;
    const bytes = this.text.bytes;
    if (bytes !== null) {
      const slot = length === 0 ? 0 : slotOf(length, bytes[start] as number, bytes[start + (length >> 1)] as number, bytes[end - 1] as number);
      this.slot = slot;
      const known = this.starts[slot] as number;
      if (known === -1 || this.lengths[slot] !== length) return undefined;
      for (let i = 0; i < length; i++) if (bytes[known + i] !== bytes[start + i]) return undefined;
      return this.values[slot];
    }
    const chars = this.text.chars;
    const slot = length === 0 ? 0 : slotOf(length, chars.charCodeAt(start), chars.charCodeAt(start + (length >> 1)), chars.charCodeAt(end - 1));
    this.slot = slot;
    const known = this.starts[slot] as number;
    if (known === -1 || this.lengths[slot] !== length) return undefined;
    for (let i = 0; i < length; i++) if (chars.charCodeAt(known + i) !== chars.charCodeAt(start + i)) return undefined;
    return this.values[slot];
  }

  /** Remembers `value` for the cell at [start, end), the one `find` just missed. */
  remember(start: number, end: number, value: string): void {
    this.starts[this.slot] = start;
    this.lengths[this.slot] = end - start;
    this.values[this.slot] = value;
  }
}

/** Cells that are strings already (rows of cells, fields with doubled quotes), keyed by those strings. */
export class RecentStrings {
  private readonly keys = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly values = new Array<string>(SLOTS).fill('');
  private slot = 0;

  find(cell: string): string | undefined {
    const length = cell.length;
    const slot = length === 0 ? 0 : slotOf(length, cell.charCodeAt(0), cell.charCodeAt(length >> 1), cell.charCodeAt(length - 1));
    this.slot = slot;
    return this.keys[slot] === cell ? this.values[slot] : undefined;
  }

  remember(cell: string, value: string): void {
    this.keys[this.slot] = cell;
    this.values[this.slot] = value;
  }
}
