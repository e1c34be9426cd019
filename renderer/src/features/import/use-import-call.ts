// One import call at a time with its own progress and Cancel. It does not use
// the shared `track` slot: that slot belongs to the reconcile the other screens
// wait for, and an import preview must not cancel it.
import { useCallback, useRef, useState } from 'react';
import { Cancelled } from '../../workers/cancelled';
import type { PendingCall } from '../../workers/engine-client';
import type { Progress } from '../../workers/engine-protocol';

export interface ImportCall {
  /** Starts a call; a newer call cancels an older one still running. Resolves undefined when cancelled or failed (the failure goes to onError). */
  run<T>(start: (onProgress: (progress: Progress) => void) => PendingCall<T>, label: string, options?: { cancellable?: boolean }): Promise<T | undefined>;
  readonly progress: Progress | null;
  /** Null while nothing cancellable runs. */
  readonly cancel: (() => void) | null;
  readonly busy: boolean;
}

export function useImportCall(onError: (message: string) => void): ImportCall {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancel, setCancel] = useState<(() => void) | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef<PendingCall<unknown> | null>(null);

  const run = useCallback(
    async <T,>(start: (onProgress: (progress: Progress) => void) => PendingCall<T>, label: string, options: { cancellable?: boolean } = {}): Promise<T | undefined> => {
      latest.current?.cancel();
      const call = start(setProgress);
      latest.current = call;
      setBusy(true);
      setProgress({ label, done: 0, total: 0 });
      // Saving and reverting are one store transaction each: once sent they finish, so they offer no Cancel that could not keep its word.
      setCancel(options.cancellable === false ? null : () => () => call.cancel());
      try {
        return await call.promise;
      } catch (failure) {
        if (!(failure instanceof Cancelled)) onError(failure instanceof Error ? failure.message : String(failure));
        return undefined;
      } finally {
        if (latest.current === call) {
          latest.current = null;
          setBusy(false);
          setProgress(null);
          setCancel(null);
        }
      }
    },
    [onError],
  );
  return { run, progress, cancel, busy };
}
