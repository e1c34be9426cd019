// One long worker call at a time for a screen, with its own progress and
// Cancel (the shared bar belongs to the reconcile): a cancelled call resolves
// undefined, a failure becomes the clerk's sentence.
import { useCallback, useRef, useState } from 'react';
import { Cancelled } from '../workers/cancelled';
import type { PendingCall } from '../workers/engine-client';
import type { Progress } from '../workers/engine-protocol';
import { failureText } from '../core/failure-text';

export interface LongCall {
  readonly progress: Progress | null;
  readonly running: boolean;
  readonly error: string | null;
  /** True after the clerk cancelled the last call. */
  readonly stopped: boolean;
  /** Starts a call given the progress callback; resolves undefined when cancelled or failed. */
  run<T>(start: (onProgress: (progress: Progress) => void) => PendingCall<T>): Promise<T | undefined>;
  cancel(): void;
  clearError(): void;
}

/** Tracks the screen's long call. */
export function useLongCall(): LongCall {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const current = useRef<PendingCall<unknown> | null>(null);

  const run = useCallback(async <T,>(start: (onProgress: (progress: Progress) => void) => PendingCall<T>): Promise<T | undefined> => {
    current.current?.cancel();
    setError(null);
    setStopped(false);
    setRunning(true);
    const call = start(setProgress);
    current.current = call;
    try {
      return await call.promise;
    } catch (failure) {
      if (failure instanceof Cancelled) setStopped(true);
      else setError(failureText(failure));
      return undefined;
    } finally {
      if (current.current === call) {
        current.current = null;
        setRunning(false);
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => current.current?.cancel(), []);
  const clearError = useCallback(() => setError(null), []);
  return { progress, running, error, stopped, run, cancel, clearError };
}
