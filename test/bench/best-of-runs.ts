// The development VM shares its cores: the same code there varies by up to a
// half between runs, and only ever upwards. So each case runs several times
// and each figure is its fastest run, whole (time, memory, whether the target
// was met), with the slowest run's time beside it to show the spread.
import type { Figure } from './measure';

export interface BestFigure extends Figure {
  readonly runs: number;
  readonly slowestSeconds: number;
}

/**
 * Per figure, the run with the least wall time. A case reports its figures
 * in the same order every run (their descriptions may carry that run's
 * sizes), so a figure is known by its case and its place among the case's.
 */
export function bestOfRuns(perRun: readonly (readonly Figure[])[]): BestFigure[] {
  const byMeasure = new Map<string, Figure[]>();
  for (const figures of perRun) {
    const seen = new Map<string, number>();
    for (const figure of figures) {
      const place = seen.get(figure.case) ?? 0;
      seen.set(figure.case, place + 1);
      const key = JSON.stringify([figure.case, place]);
      byMeasure.set(key, [...(byMeasure.get(key) ?? []), figure]);
    }
  }
  return [...byMeasure.values()].map((runs) => {
    const fastest = runs.reduce((best, figure) => (figure.seconds < best.seconds ? figure : best));
    return { ...fastest, runs: runs.length, slowestSeconds: Math.max(...runs.map((figure) => figure.seconds)) };
  });
}
