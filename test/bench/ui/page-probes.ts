// Instruments the page before the app starts (an init script, so nothing in
// the product changes): the engine worker's messages with their times, long
// main-thread tasks, and when the first contracts row appears. The bench reads
// them back with page.evaluate.

export interface WorkerMessage {
  readonly t: number;
  readonly type: string;
  readonly id: number;
  /** The call this message answers or reports on. */
  readonly call?: string;
  readonly label?: string;
  /** A recompute's answer: its as-of date. */
  readonly asOf?: string;
}

export interface Probes {
  readonly messages: WorkerMessage[];
  readonly longTasks: { start: number; duration: number }[];
  worker: Worker | null;
  firstContractRowAt: number | null;
  /** Settles with firstContractRowAt: awaiting it costs the page nothing, where polling a locator queries the page's accessibility tree again and again. */
  readonly firstContractRow: Promise<number>;
}

/** The init script: runs in the page before any of its own scripts. */
export function installProbes(): void {
  let rowShown: (at: number) => void = () => undefined;
  const firstContractRow = new Promise<number>((resolve) => (rowShown = resolve));
  const probes: Probes = { messages: [], longTasks: [], worker: null, firstContractRowAt: null, firstContractRow };
  (window as unknown as { __bench: Probes }).__bench = probes;
  const NativeWorker = window.Worker;
  const calls = new Map<number, string>();
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'engine') return;
      probes.worker = this;
      this.addEventListener('message', ({ data }: MessageEvent<{ type: string; id: number; progress?: { label: string }; value?: unknown }>) => {
        const call = calls.get(data.id);
        const answer = call === 'recompute' && data.type === 'result' ? (data.value as { summary: { asOf: string } }) : null;
        probes.messages.push({ t: performance.now(), type: data.type, id: data.id, call, label: data.progress?.label, asOf: answer?.summary.asOf });
      });
    }

    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const sent = message as { type?: string; id?: number; call?: string };
      if (sent.type === 'call' && sent.id !== undefined && sent.call !== undefined) calls.set(sent.id, sent.call);
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const rows = new MutationObserver(() => {
    if (document.querySelector('[role="region"][aria-label="Contracts"] .ag-row') === null) return;
    probes.firstContractRowAt = performance.now();
    rowShown(probes.firstContractRowAt);
    rows.disconnect();
  });
  rows.observe(document, { childList: true, subtree: true });
}

/** Where the bench keeps the day the page is to think it is (installBenchToday). */
export const BENCH_TODAY = 'bench-today';

/**
 * The init script that makes the page's `new Date()` and `Date.now()` tell
 * the time stored under BENCH_TODAY in localStorage, when there is one, so
 * the bench can open the app in one month and then the next.
 * `performance.now()`, which every figure is timed with, is left alone.
 */
export function installBenchToday(): void {
  // BENCH_TODAY written out: an init script is serialised on its own.
  const today = localStorage.getItem('bench-today');
  if (today === null) return;
  const RealDate = Date;
  const shift = new RealDate(today).getTime() - RealDate.now();
  class BenchDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as [number]));
    }

    static override now(): number {
      return RealDate.now() + shift;
    }
  }
  window.Date = BenchDate as DateConstructor;
}

/** For page.evaluate: when the first contracts row appeared (ms from navigation), once it has. */
export function firstContractRowShown(): Promise<number> {
  return (window as unknown as { __bench: Probes }).__bench.firstContractRow;
}
