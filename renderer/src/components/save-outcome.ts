// The outcome of a save (a workbook, a pack, a database export) in words a
// clerk can act on: the same sentences on every screen that saves.
import type { SaveResult } from '../platform/platform';

export interface Outcome {
  readonly severity: 'success' | 'info' | 'error';
  readonly message: string;
  /** Set when the file or folder can be revealed (desktop). */
  readonly savedId: string | null;
}

/** What happened to a save, said plainly, with the next step when it failed. */
export function saveOutcome(result: SaveResult, what: string, web: boolean): Outcome {
  if (result.status === 'cancelled') return { severity: 'info', message: `${what} was not saved: you closed the dialog. Nothing was written.`, savedId: null };
  if (result.status === 'failed') {
    return { severity: 'error', message: `${what} could not be saved: ${result.message} Nothing was written. Pick another folder, or free some disk space, and try again.`, savedId: null };
  }
  if (web) return { severity: 'success', message: `${what} is downloading as "${result.name}". Find it in your browser's downloads.`, savedId: null };
  return { severity: 'success', message: `${what} saved as "${result.name}".`, savedId: result.savedId };
}
