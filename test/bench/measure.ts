// What every benchmark case reports: wall and CPU seconds of the timed part and
// the process's peak resident memory, as one JSON line for run.ts to collect.
import { readFileSync } from 'node:fs';

export interface Figure {
  readonly case: string;
  readonly what: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rate: string;
  readonly target: string;
  readonly met: boolean | null;
  readonly peakRssMb: number;
}

/** Peak resident set size of this process so far, in MB (Linux VmHWM). */
export function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 1e6);
}

/** Times `work` (wall and CPU) and returns its value with the seconds taken. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Prints one figure for run.ts (a line starting with `FIGURE `). */
export function report(figure: Omit<Figure, 'peakRssMb'> & { peakRssMb?: number }): void {
  console.log('FIGURE ' + JSON.stringify({ ...figure, peakRssMb: figure.peakRssMb ?? peakRssMb() }));
}

/**
 * Seconds a fixed loop takes: the same work every time, so it shows how busy
 * the machine was when the figures were taken (0.65 s on a quiet 2-core VM here).
 */
export function machineCheckSeconds(): number {
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < 3e8; i++) sum += i;
  if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return (performance.now() - start) / 1000;
}
