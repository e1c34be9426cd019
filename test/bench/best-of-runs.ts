// The development VM shares its cores: the same code there varies by up to a
// half between runs, and only ever upwards. So each case runs several times
// and each figure is its fastest run, whole (time, memory, whether the target
// was met), with the slowest run's time beside it to show the spread.
import type { Figure } from './measure';

export interface BestFigure extends Figure {
  readonly runs: number;
  readonly slowestSeconds: number;
}

/** Per figure (by case and what it measures, in the order of the first run), the run with the least wall time. */
export function bestOfRuns(perRun: readonly (readonly Figure[])[]): BestFigure[] {
  const byMeasure = new Map<string, Figure[]>();
  for (const figures of perRun) {
    for (const figure of figures) {
      const key = JSON.stringify([figure.case, figure.what]);
      byMeasure.set(key, [...(byMeasure.get(key) ?? []), figure]);
    }
  }
  return [...byMeasure.values()].map((runs) => {
    const fastest = runs.reduce((best, figure) => (figure.seconds < best.seconds ? figure : best));
    return { ...fastest, runs: runs.length, slowestSeconds: Math.max(...runs.map((figure) => figure.seconds)) };
  });
}
