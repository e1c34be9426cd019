// Instruments the page before the app starts (an init script, so nothing in
// the product changes): the engine worker's messages with their times, long
// main-thread tasks, and when the first contracts row appears. The bench reads
// them back with page.evaluate.

export interface WorkerMessage {
  readonly t: number;
  readonly type: string;
  readonly id: number;
  readonly label?: string;
  readonly asOf?: string;
  readonly rows?: number;
}

export interface Probes {
  readonly messages: WorkerMessage[];
  readonly longTasks: { start: number; duration: number }[];
  worker: Worker | null;
  firstContractRowAt: number | null;
}

/** The init script: runs in the page before any of its own scripts. */
export function installProbes(): void {
  const probes: Probes = { messages: [], longTasks: [], worker: null, firstContractRowAt: null };
  (window as unknown as { __bench: Probes }).__bench = probes;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'engine') return;
      probes.worker = this;
      this.addEventListener('message', ({ data }: MessageEvent<{ type: string; id: number; progress?: { label: string }; value?: unknown }>) => {
        const value = data.value as { asOf?: string } | unknown[] | undefined;
        probes.messages.push({
          t: performance.now(), type: data.type, id: data.id, label: data.progress?.label,
          asOf: value && !Array.isArray(value) ? value.asOf : undefined, rows: Array.isArray(value) ? value.length : undefined,
        });
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const rows = new MutationObserver(() => {
    if (document.querySelector('[role="region"][aria-label="Contracts"] .ag-row') === null) return;
    probes.firstContractRowAt = performance.now();
    rows.disconnect();
  });
  rows.observe(document, { childList: true, subtree: true });
}
