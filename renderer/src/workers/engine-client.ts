// The UI's handle on the engine worker: typed calls that resolve with the
// worker's answer, report progress, and can be cancelled.
import { Cancelled } from './cancelled';
import type { EngineCall, EngineCalls, FromWorker, InterimOf, Progress, ToWorker } from './engine-protocol';

/** A failure with the sentence to show the clerk. */
export class EngineFailure extends Error {
  override readonly name = 'EngineFailure';
}

/** What to tell a clerk when something unexpected broke. */
export function clerkMessage(message: string, forClerk: boolean): string {
  return forClerk ? message : `Something went wrong inside Blockledger (${message}). Nothing was changed. Try again; if it happens again, export a backup in Settings and send it with this message to your support contact.`;
}

export interface PendingCall<T> {
  readonly promise: Promise<T>;
  cancel(): void;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: Progress) => void;
  onInterim?: (value: unknown) => void;
}

/** Something that can carry messages both ways (a Worker, or a fake in tests). */
export interface MessagePort2 {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
}

export class EngineClient {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly port: MessagePort2) {
    port.addEventListener('message', ({ data }) => {
      const waiting = this.waiting.get(data.id);
      if (!waiting) return;
      if (data.type === 'progress') {
        waiting.onProgress?.(data.progress);
        return;
      }
      if (data.type === 'interim') {
        waiting.onInterim?.(data.value);
        return;
      }
      this.waiting.delete(data.id);
      if (data.type === 'result') waiting.resolve(data.value);
      else waiting.reject(data.cancelled ? new Cancelled() : new EngineFailure(clerkMessage(data.message, data.forClerk)));
    });
  }

  /** Starts a call; cancel() stops it at its next checkpoint and rejects with Cancelled at once. `onInterim` hears what the call sends before its answer. */
  start<K extends EngineCall>(
    call: K,
    request: EngineCalls[K]['request'],
    onProgress?: (progress: Progress) => void,
    onInterim?: (value: InterimOf<K>) => void,
  ): PendingCall<EngineCalls[K]['response']> {
    const id = this.nextId++;
    const promise = new Promise<EngineCalls[K]['response']>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, ...(onProgress ? { onProgress } : {}), ...(onInterim ? { onInterim: onInterim as (value: unknown) => void } : {}) });
    });
    this.port.postMessage({ type: 'call', id, call, request });
    return {
      promise,
      cancel: () => {
        const waiting = this.waiting.get(id);
        if (!waiting) return;
        this.waiting.delete(id);
        this.port.postMessage({ type: 'cancel', id });
        waiting.reject(new Cancelled());
      },
    };
  }

  /** A call whose answer is awaited directly. */
  call<K extends EngineCall>(call: K, request: EngineCalls[K]['request'], onProgress?: (progress: Progress) => void): Promise<EngineCalls[K]['response']> {
    return this.start(call, request, onProgress).promise;
  }
}

/** The engine worker of this window. */
export function createEngineClient(): EngineClient {
  return new EngineClient(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }));
}
