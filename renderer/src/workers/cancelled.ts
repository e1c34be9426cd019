/** A call the clerk (or a newer as-of date) cancelled: raised in the worker at a checkpoint and in the UI at once; screens show nothing for it. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * `work` as it settles, unless `signal` aborts first: then Cancelled at once.
 * The work itself goes on (a read of the store, say, that the next call will
 * use); only the wait for it ends. No signal: simply `work`.
 */
export function unlessCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.reject(new Cancelled());
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(new Cancelled());
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}
