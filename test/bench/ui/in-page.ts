// Measurements that run inside the page (passed to page.evaluate), so their
// clocks are the page's own and no test-runner round trip is counted. Each is
// serialised on its own: it may use nothing else from this module.
import type { Probes } from './page-probes';

interface Window2 { __bench: Probes }

/** Stores the benchmark portfolio through the engine worker's own call; times generating it, preparing the import and the Dexie commit. */
export function loadBenchmark(): Promise<{ generateMs: number; prepareMs: number; commitMs: number }> {
  const { worker } = (window as unknown as Window2).__bench;
  if (worker === null) throw new Error('the engine worker has not started');
  // Far above the app's own call ids, so the app's client ignores the answers.
  const id = 1_000_000_000;
  const started = performance.now();
  let comparing = started;
  let saving = started;
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', ({ data }: MessageEvent<{ type: string; id: number; progress?: { label: string }; message?: string }>) => {
      if (data.id !== id) return;
      if (data.type === 'progress' && data.progress?.label.startsWith('Comparing') === true) comparing = performance.now();
      if (data.type === 'progress' && data.progress?.label.startsWith('Saving') === true) saving = performance.now();
      if (data.type === 'result') resolve({ generateMs: comparing - started, prepareMs: saving - comparing, commitMs: performance.now() - saving });
      if (data.type === 'error') reject(new Error(data.message));
    });
    worker.postMessage({ type: 'call', id, call: 'open-sample', request: { now: new Date().toISOString(), portfolio: 'benchmark' } });
  });
}

/** The as-of date of a contracts screen saved by the engine worker: `contracts`, the last reconcile's, or `next-opening`, made ahead for the next opening (null: none yet). */
export function savedScreenFor(name: 'contracts' | 'next-opening'): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const opened = indexedDB.open('blockledger-cache');
    opened.onerror = () => reject(opened.error ?? new Error('the cache database would not open'));
    opened.onsuccess = () => {
      const db = opened.result;
      if (!db.objectStoreNames.contains('results')) {
        db.close();
        resolve(null);
        return;
      }
      const read = db.transaction('results').objectStore('results').get(name);
      read.onerror = () => reject(read.error ?? new Error('the saved screen would not read'));
      read.onsuccess = () => {
        db.close();
        resolve((read.result as { key?: { asOf?: string } } | undefined)?.key?.asOf ?? null);
      };
    };
  });
}

export interface Timed {
  readonly ms: number;
  /** The longest main-thread task that started during the measurement (0: none over 50 ms). */
  readonly longestTaskMs: number;
}

/** Changes the as-of date as a clerk would and waits for the new contracts rows to be painted. */
export async function changeAsOf(asOf: string): Promise<Timed & { workerMs: number }> {
  const probes = (window as unknown as Window2).__bench;
  const input = document.querySelector<HTMLInputElement>('input[aria-label="As-of date"]');
  if (input === null || probes.worker === null) throw new Error('no as-of picker or engine worker');
  const worker = probes.worker;
  const from = probes.messages.length;
  const start = performance.now();
  const painted = new Promise<void>((resolve) => {
    const check = (): void => {
      const seen = probes.messages.slice(from);
      // The recompute's answer brings the contracts rows with it.
      if (!seen.some((message) => message.type === 'result' && message.asOf === asOf)) return;
      worker.removeEventListener('message', check);
      // Two frames: React renders the rows, then the browser paints them.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    };
    worker.addEventListener('message', check);
  });
  // React listens for `input` events; the native setter makes it see a changed value.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, asOf);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await painted;
  const end = performance.now();
  const seen = probes.messages.slice(from);
  const first = seen[0]?.t ?? start;
  const result = seen.find((message) => message.type === 'result' && message.asOf === asOf)?.t ?? end;
  const tasks = probes.longTasks.filter((task) => task.start >= start && task.start <= end);
  return { ms: end - start, workerMs: result - first, longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) };
}

/** Sorts or filters, then waits until the contracts grid's first row shows another contract, then a painted frame. */
export async function timeGridChange(action: { kind: 'sort'; column: string } | { kind: 'filter'; text: string }): Promise<Timed> {
  const region = document.querySelector('[role="region"][aria-label="Contracts"]');
  if (region === null) throw new Error('no contracts grid');
  const firstId = (): string | null => region.querySelector('.ag-row[row-index="0"] [col-id="id"]')?.textContent ?? null;
  const before = firstId();
  const start = performance.now();
  const changed = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (firstId() === before) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    });
    observer.observe(region, { childList: true, subtree: true, characterData: true });
  });
  if (action.kind === 'sort') {
    region.querySelector<HTMLElement>(`.ag-header-cell[col-id="${action.column}"] .ag-header-cell-label`)?.click();
  } else {
    const search = [...document.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Search contracts'));
    const input = search?.htmlFor ? document.getElementById(search.htmlFor) : null;
    if (!(input instanceof HTMLInputElement)) throw new Error('no contracts search box');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, action.text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  await changed;
  const end = performance.now();
  const tasks = (window as unknown as Window2).__bench.longTasks.filter((task) => task.start >= start && task.start <= end);
  return { ms: end - start, longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)) };
}

/** Scrolls the entries grid one step per frame and returns the frame intervals (ms). */
export async function scrollEntries({ frames, stepPx }: { frames: number; stepPx: number }): Promise<number[]> {
  // AG Grid's class names for its scrolling body change between versions: take the element that scrolls furthest.
  const region = document.querySelector('[role="region"][aria-label="Entries"]');
  const scrollable = [...(region?.querySelectorAll<HTMLElement>('*') ?? [])].filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowY));
  const viewport = scrollable.sort((a, b) => b.scrollHeight - b.clientHeight - (a.scrollHeight - a.clientHeight))[0];
  if (viewport === undefined) throw new Error('no scrolling entries grid');
  const stamps: number[] = [];
  await new Promise<void>((resolve) => {
    const step = (now: number): void => {
      stamps.push(now);
      if (stamps.length > frames) return resolve();
      viewport.scrollTop += stepPx;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  return stamps.slice(1).map((stamp, index) => stamp - (stamps[index] ?? stamp));
}
