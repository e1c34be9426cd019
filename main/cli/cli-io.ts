// What the headless commands touch outside their pure work: files and the two
// output streams. Tests swap in capturing streams; the entry file uses Node's.
import { readFileLimited, writeFileAtomic } from '../atomic-files';

/** The largest input file read: a JavaScript string cannot hold much more text. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Replaces `path` in one step, so a reader never sees half a file. */
  readonly writeFileAtomic: (path: string, bytes: Uint8Array) => Promise<void>;
}

/** The real file system and process streams. */
export function nodeCliIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileLimited(path, MAX_INPUT_BYTES),
    writeFileAtomic,
  };
}
